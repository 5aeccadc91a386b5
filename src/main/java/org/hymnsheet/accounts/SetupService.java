package org.hymnsheet.accounts;

import java.util.EnumSet;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.FirstRun;
import org.hymnsheet.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * First run: while no account exists, anyone reaching the app may create the first administrator, once.
 * The installation row makes "once" hold even for two simultaneous attempts.
 */
@Service
public class SetupService implements FirstRun {
    private final AccountRepository accounts;
    private final PartnershipService partnerships;
    private final PasswordEncoder encoder;

    SetupService(AccountRepository accounts, PartnershipService partnerships, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.partnerships = partnerships;
        this.encoder = encoder;
    }

    /** Open to anyone: says only whether setup is still to be done. */
    @Override
    @Transactional(readOnly = true)
    public boolean setupNeeded() {
        return !accounts.installed();
    }

    /** Open to anyone, but only while no setup has happened: creates the partnership and its platform administrator. */
    @Transactional
    public void createFirstAdministrator(FirstAdministrator first) {
        String email = Inputs.email("email", first.email());
        String displayName = Inputs.name("displayName", first.displayName());
        String password = Inputs.password("password", first.password());
        Inputs.name("partnershipName", first.partnershipName());
        if (!accounts.claimInstallation()) {
            throw new ValidationException("email", "setup.alreadyDone");
        }
        long partnershipId;
        try {
            partnershipId = partnerships.insert(first.partnershipName());
        } catch (ValidationException e) {
            throw new ValidationException("partnershipName", e.messageKey(), e.args());
        }
        accounts.insert(partnershipId, email, displayName, null, encoder.encode(password), true, EnumSet.of(Role.ADMIN));
    }
}
