package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.accounts.DirectoryServiceTest.Contract.assertRefused;

import org.hymnsheet.common.ConcurrentEditException;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class PartnershipServiceTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired PartnershipService partnerships;
        @Autowired ApplicationContext context;
        TestWorld world;

        @BeforeEach
        void world() {
            world = new TestWorld(context);
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @Test
        void a_platform_administrator_creates_partnerships_and_sees_them_all() {
            long home = world.partnership();
            TestWorld.as(world.platformAdmin(home));
            String name = TestWorld.unique("Northshire Safeguarding Children Partnership");
            Partnership created = partnerships.create(name);
            assertThat(created.name()).isEqualTo(name);
            assertThat(partnerships.available()).extracting(Partnership::id).contains(home, created.id());
            assertRefused(() -> partnerships.create(name.toUpperCase()), "name", "validation.duplicateName");
            assertRefused(() -> partnerships.create(""), "name", "validation.required");
        }

        @Test
        void a_partnership_administrator_sees_and_renames_only_their_own() {
            long mine = world.partnership();
            long theirs = world.partnership();
            TestWorld.as(world.account(mine, Role.ADMIN));
            assertThat(partnerships.available()).extracting(Partnership::id).containsExactly(mine);
            Partnership p = partnerships.get(mine);
            String newName = TestWorld.unique("Renamed");
            assertThat(partnerships.rename(mine, newName, p.version()).name()).isEqualTo(newName);
            assertThatThrownBy(() -> partnerships.rename(mine, "Stale", p.version())).isInstanceOf(ConcurrentEditException.class);
            assertThatThrownBy(() -> partnerships.rename(theirs, "Taken over", 0))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        }
    }
}
