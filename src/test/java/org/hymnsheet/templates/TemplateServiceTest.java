package org.hymnsheet.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The catalog as staff screens see it. The templates are files, so one database is enough: the database only
 * holds the accounts whose roles are checked (ServiceAccessMatrixTest checks every caller on both databases).
 */
@OnH2
class TemplateServiceTest {
    @Autowired TemplateService templates;
    @Autowired ApplicationContext context;
    TestWorld world;
    long partnership;

    @BeforeEach
    void world() {
        world = new TestWorld(context);
        partnership = world.partnership();
    }

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void the_app_starts_with_the_shipped_templates_for_any_staff_member() {
        TestWorld.as(world.account(partnership, Role.LEAD));

        assertThat(templates.surveyTemplates()).extracting(SurveyTemplate::id)
                .containsExactly("known-by-professionals", "nine-as-conditions", "safe-places");
        assertThat(templates.workshopTemplates()).extracting(WorkshopTemplate::id)
                .containsExactly("hymn-sheet", "three-column-mapping");
    }

    @Test
    void facilitators_and_administrators_see_the_problems_and_other_roles_do_not() {
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        assertThat(templates.problems()).isEmpty();
        TestWorld.as(world.account(partnership, Role.ADMIN));
        assertThat(templates.problems()).isEmpty();

        TestWorld.as(world.account(partnership, Role.LEAD, Role.SAFEGUARDING_LEAD));
        assertThatThrownBy(templates::problems).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void only_an_administrator_reloads_the_templates() {
        TestWorld.as(world.account(partnership, Role.FACILITATOR));
        assertThatThrownBy(templates::reload).isInstanceOf(AccessDeniedException.class);

        TestWorld.as(world.account(partnership, Role.ADMIN));
        ReloadResult result = templates.reload();

        assertThat(result.surveys()).isEqualTo(3);
        assertThat(result.workshops()).isEqualTo(2);
        assertThat(result.brokenFiles()).isZero();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void nobody_signed_out_sees_templates() {
        assertThatThrownBy(templates::surveyTemplates).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(templates::workshopTemplates).isInstanceOf(AccessDeniedException.class);
    }
}
