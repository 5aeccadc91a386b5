package org.hymnsheet.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Second-factor secrets at rest: AES-GCM (Spring Security's {@code Encryptors.delux}) with a key derived from
 * {@code hymnsheet.mfa.encryption-password}, so a copy of the database alone does not give the codes. Without
 * that setting (a laptop, the tests) secrets are stored as they are and the log says so once. Each value says how
 * it was stored, so setting the password later keeps existing factors working.
 */
@Component
class SecretBox {
    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String SEALED = "aes:";
    private static final String PLAIN = "plain:";
    /** Fixed per application: the password is what must be secret; the salt only separates this use of it. */
    private static final String SALT = "6879616e7368656574";
    private final TextEncryptor encryptor;

    SecretBox(@Value("${hymnsheet.mfa.encryption-password:}") String password) {
        this.encryptor = password.isBlank() ? null : Encryptors.delux(password, SALT);
        if (encryptor == null) {
            log.warn("hymnsheet.mfa.encryption-password is not set: second-factor secrets are stored unencrypted");
        }
    }

    String seal(String secret) {
        return encryptor == null ? PLAIN + secret : SEALED + encryptor.encrypt(secret);
    }

    String open(String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (encryptor == null) {
            throw new IllegalStateException("A second-factor secret is encrypted but hymnsheet.mfa.encryption-password is not set");
        }
        return encryptor.decrypt(stored.substring(SEALED.length()));
    }
}
