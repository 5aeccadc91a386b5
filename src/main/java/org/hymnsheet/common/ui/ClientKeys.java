package org.hymnsheet.common.ui;

import com.vaadin.flow.server.VaadinRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A key per device or network for counting wrong codes, kept in memory only and never as a plain address. */
public final class ClientKeys {
    private ClientKeys() {}

    /** The current request's client address, hashed with SHA-256. */
    public static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? "unknown" : request.getRemoteAddr();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
