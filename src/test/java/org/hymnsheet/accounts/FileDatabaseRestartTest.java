package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.hymnsheet.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The default set-up: the embedded H2 file database under the data folder survives a restart of the app. */
class FileDatabaseRestartTest {

    @TempDir
    Path dataDir;

    ConfigurableApplicationContext start(String... more) {
        // command-line arguments, as an operator would pass them; they override application.properties
        var args = new java.util.ArrayList<>(java.util.List.of("--hymnsheet.data-dir=" + dataDir, "--server.port=0"));
        args.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
    }

    @Test
    void the_demo_option_loads_a_partnership_with_one_account_per_role_once() {
        String password = "demo password for tests";
        try (var app = start("--hymnsheet.demo=true", "--hymnsheet.demo.password=" + password)) {
            assertThat(app.getBean(SetupService.class).setupNeeded()).isFalse();
            var signIn = app.getBean(StaffAuthenticationProvider.class);
            for (String who : java.util.List.of("admin", "facilitator", "lead", "safeguarding")) {
                assertThat(signIn.signIn(who + DemoData.DOMAIN, password, "127.0.0.1", Instant.now()).isAuthenticated()).isTrue();
            }
            var admin = app.getBean(AccountRepository.class).credentials("admin" + DemoData.DOMAIN).orElseThrow();
            TestWorld.as(new TestWorld.Persona(admin.id(), "admin" + DemoData.DOMAIN, 0, admin.roles(), true));
            long pid = app.getBean(AccountService.class).me().partnershipId();
            assertThat(app.getBean(DirectoryService.class).agencies(pid)).hasSize(9);
            assertThat(app.getBean(DirectoryService.class).places(pid)).hasSize(8);
            TestWorld.anonymous();
        }
        try (var app = start("--hymnsheet.demo=true")) {
            assertThat(app.getBean(PartnershipRepository.class).all()).hasSize(1);
        }
    }

    @Test
    void the_first_administrator_still_signs_in_after_a_restart() {
        String email = "first-admin@council.example";
        try (var app = start()) {
            var setup = app.getBean(SetupService.class);
            assertThat(setup.setupNeeded()).isTrue();
            setup.createFirstAdministrator(new FirstAdministrator("Riverside Partnership", email, "Alex", TestWorld.PASSWORD));
        }
        assertThat(Files.exists(dataDir.resolve("hymnsheet.mv.db"))).isTrue();
        try (var app = start()) {
            assertThat(app.getBean(SetupService.class).setupNeeded()).isFalse();
            var auth = app.getBean(StaffAuthenticationProvider.class).signIn(email, TestWorld.PASSWORD, "127.0.0.1", Instant.now());
            assertThat(auth.isAuthenticated()).isTrue();
        }
    }
}
