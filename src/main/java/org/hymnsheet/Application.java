package org.hymnsheet;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import java.time.Clock;
import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/hymnsheet.css")
@EnableScheduling
@SpringBootApplication
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** Unquoted names let the same generated jOOQ code run on H2 (folds to upper case) and PostgreSQL (lower case). */
    @Bean
    DefaultConfigurationCustomizer jooqPortableNames() {
        return c -> c.settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
    }

    /** Time comes from one injected clock so lockouts, idle resets and retention are testable without sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
