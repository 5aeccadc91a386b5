package org.hymnsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** The postgres profile has no known fallback password: DB_PASSWORD must be given, though it may be empty. */
class PostgresProfileTest {

    private static StandardEnvironment profile(Map<String, Object> environment) throws IOException {
        var env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("os environment", environment));
        env.getPropertySources().addLast(new ResourcePropertySource(new ClassPathResource("application-postgres.properties")));
        return env;
    }

    @Test
    void without_db_password_the_database_password_cannot_be_resolved_and_the_error_names_db_password() throws IOException {
        var env = profile(Map.of());
        assertThatThrownBy(() -> env.getProperty("spring.datasource.password"))
                .hasMessageContaining("DB_PASSWORD");
    }

    @Test
    void a_given_db_password_is_used_and_an_empty_one_is_allowed_when_set_explicitly() throws IOException {
        assertThat(profile(Map.of("DB_PASSWORD", "s3cret")).getProperty("spring.datasource.password")).isEqualTo("s3cret");
        assertThat(profile(Map.of("DB_PASSWORD", "")).getProperty("spring.datasource.password")).isEmpty();
    }
}
