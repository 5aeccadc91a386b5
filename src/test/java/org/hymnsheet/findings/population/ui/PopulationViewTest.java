package org.hymnsheet.findings.population.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.findings.PopulationService;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** An administrator enters the area's shares for one "about you" question; a wrong figure stays in the form. */
@OnH2
class PopulationViewTest extends BrowserlessTest {
    @Autowired PopulationService population;
    @Autowired AccountService accounts;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void an_administrator_saves_age_band_shares_and_a_figure_with_three_decimals_is_refused_beside_its_field() {
        var world = new TestWorld(context);
        long partnership = world.partnership();
        TestWorld.as(world.account(partnership, Role.ADMIN));
        UI.getCurrent().add(new PopulationView(population, accounts));

        $(TextField.class).id("share-about-age-11-13").setValue("21.5");
        $(TextField.class).id("share-about-age-14-15").setValue("14");
        test($(Button.class).id("save-about-age")).click();
        var shares = population.shares(partnership).get("about-age");
        assertThat(shares).containsOnlyKeys("11-13", "14-15");
        assertThat(shares.get("11-13")).isEqualByComparingTo("21.5");

        TextField field = $(TextField.class).id("share-about-age-11-13");
        field.setValue("21.555");
        test($(Button.class).id("save-about-age")).click();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Enter a percent from 0 to 100, with at most two decimals");
        assertThat(population.shares(partnership).get("about-age").get("11-13")).isEqualByComparingTo("21.5");
        assertThat($(TextField.class).all()).as("no field for prefer not to say")
                .noneMatch(f -> f.getId().orElse("").endsWith("prefer-not-to-say"));
    }
}
