package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.PARTNERSHIP;

import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo partnership goes only into an empty installation, never beside real accounts. */
class DemoDataTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    @ExtendWith(OutputCaptureExtension.class)
    abstract static class Contract {
        @Autowired ApplicationContext context;
        @Autowired DSLContext db;

        @Test
        void demo_data_refuses_to_load_into_a_database_that_already_has_accounts(CapturedOutput output) {
            TestWorld world = new TestWorld(context);
            world.account(world.partnership(), Role.ADMIN);
            int before = db.fetchCount(PARTNERSHIP);
            var demo = new DemoData(true, "a demo password for this test", context.getBean(AccountRepository.class),
                    context.getBean(PartnershipRepository.class), context.getBean(DirectoryRepository.class),
                    context.getBean(TransactionTemplate.class), context.getBean(PasswordEncoder.class));

            demo.run(null); // no exception: the app still starts

            assertThat(db.fetchCount(PARTNERSHIP, PARTNERSHIP.NAME.eq(DemoData.PARTNERSHIP))).isZero();
            assertThat(db.fetchCount(PARTNERSHIP)).isEqualTo(before);
            assertThat(output).contains("Demo data not loaded: this database already has staff accounts");
        }
    }
}
