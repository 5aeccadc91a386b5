package org.hymnsheet.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.hymnsheet.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code hymnsheet.demo=true}, loads a realistic demo partnership (agencies, places, one account per role)
 * so a newcomer can look around at once. There is no default password: the demo accounts get the one given in
 * {@code hymnsheet.demo.password}, or a random one printed once to the log. It loads only into an empty
 * installation: a database that already has staff accounts is left alone (with a warning), and the app starts.
 */
@Component
class DemoData implements ApplicationRunner {
    static final String PARTNERSHIP = "Riverside Safeguarding Partnership (demo)";
    static final String DOMAIN = "@riverside.example";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final String password;
    private final AccountRepository accounts;
    private final PartnershipRepository partnerships;
    private final DirectoryRepository directory;
    private final TransactionTemplate tx;
    private final org.springframework.security.crypto.password.PasswordEncoder encoder;

    DemoData(@Value("${hymnsheet.demo:false}") boolean enabled, @Value("${hymnsheet.demo.password:}") String password,
             AccountRepository accounts, PartnershipRepository partnerships, DirectoryRepository directory,
             TransactionTemplate tx, org.springframework.security.crypto.password.PasswordEncoder encoder) {
        this.enabled = enabled;
        this.password = password;
        this.accounts = accounts;
        this.partnerships = partnerships;
        this.directory = directory;
        this.tx = tx;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (Boolean.TRUE.equals(tx.execute(s -> partnerships.nameTaken(PARTNERSHIP, null)))) {
            log.info("Demo partnership already loaded; sign in as admin{} with the password printed when it was loaded", DOMAIN);
            return;
        }
        // demo accounts with a password printed to the log must never sit beside a real partnership's accounts
        if (Boolean.TRUE.equals(tx.execute(s -> accounts.anyAccount()))) {
            log.warn("Demo data not loaded: this database already has staff accounts. The demo partnership only goes "
                    + "into a new, empty installation. Start without hymnsheet.demo=true, or point the app at a new "
                    + "data folder or database to try the demo.");
            return;
        }
        String chosen = password.isBlank() ? randomPassword() : password;
        tx.executeWithoutResult(s -> load(chosen));
        log.warn("""

                Demo partnership loaded: "{}".
                Sign in at /login as admin{}, facilitator{}, lead{} or safeguarding{}
                with the password: {}
                """, PARTNERSHIP, DOMAIN, DOMAIN, DOMAIN, DOMAIN, chosen);
    }

    void load(String demoPassword) {
        accounts.claimInstallation();
        long pid = partnerships.insert(PARTNERSHIP);
        Map<String, Sector> agencies = new java.util.LinkedHashMap<>();
        agencies.put("Riverside Children's Social Care", Sector.CHILDRENS_SOCIAL_CARE);
        agencies.put("Riverside Police, Safer Neighbourhoods", Sector.POLICE);
        agencies.put("Riverside Academy Trust", Sector.EDUCATION);
        agencies.put("Riverside Youth Service", Sector.YOUTH_SERVICE);
        agencies.put("Youth Justice Service", Sector.YOUTH_JUSTICE);
        agencies.put("School Nursing and CAMHS", Sector.HEALTH);
        agencies.put("Riverside Homes", Sector.HOUSING);
        agencies.put("Community Safety Partnership", Sector.COMMUNITY_SAFETY);
        agencies.put("Street Ahead (youth charity)", Sector.VOLUNTARY_AND_COMMUNITY);
        Map<Sector, Long> ids = new java.util.EnumMap<>(Sector.class);
        agencies.forEach((name, sector) -> ids.put(sector,
                directory.insert(DirectoryRepository.AGENCIES, pid, name, sector.name())));
        Map<String, PlaceKind> places = Map.of(
                "Riverside Park", PlaceKind.PARK,
                "The skate park", PlaceKind.PARK,
                "Central bus station", PlaceKind.TRANSPORT_HUB,
                "Riverside Academy", PlaceKind.SCHOOL,
                "Market Street shops", PlaceKind.HIGH_STREET,
                "Northfield estate", PlaceKind.ESTATE,
                "Group chats and social media", PlaceKind.ONLINE,
                "Canal towpath", PlaceKind.OTHER);
        places.forEach((name, kind) -> directory.insert(DirectoryRepository.PLACES, pid, name, kind.name()));
        String hash = encoder.encode(demoPassword);
        record Person(String user, String name, Sector agency, Role role, boolean platform) {}
        for (Person p : List.of(
                new Person("admin", "Alex Admin", Sector.COMMUNITY_SAFETY, Role.ADMIN, true),
                new Person("facilitator", "Fran Facilitator", Sector.YOUTH_SERVICE, Role.FACILITATOR, false),
                new Person("lead", "Lee Strategic-Lead", Sector.CHILDRENS_SOCIAL_CARE, Role.LEAD, false),
                new Person("safeguarding", "Sam Safeguarding-Lead", Sector.CHILDRENS_SOCIAL_CARE, Role.SAFEGUARDING_LEAD, false))) {
            accounts.insert(pid, p.user() + DOMAIN, p.name(), ids.get(p.agency()), hash, p.platform(), EnumSet.of(p.role()));
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
