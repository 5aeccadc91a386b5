package org.hymnsheet.common;

import java.time.Clock;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hourly, with the retention rule: deletes the copy of the H2 file that a rebuild after an unclean stop kept, once it
 * is older than {@code hymnsheet.h2.kept-copy-days} (default 7), so that nothing retention deletes lives on in it.
 */
@Component
class H2KeptCopyExpiry {
    private final Environment environment;
    private final Clock clock;

    H2KeptCopyExpiry(Environment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Scheduled(cron = "${hymnsheet.retention.cron:0 23 * * * *}")
    void run() {
        int days = environment.getProperty("hymnsheet.h2.kept-copy-days", Integer.class, 7);
        H2Recovery.databasePath(environment.getProperty("spring.datasource.url")).ifPresent(base ->
                H2Recovery.deleteKeptCopy(base, Duration.ofDays(days), clock.instant()));
    }
}
