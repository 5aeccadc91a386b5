package org.hymnsheet.retention;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the retention rule hourly on every node ({@code hymnsheet.retention.cron}); each deletion happens once. */
@Component
class RetentionSchedule {
    private final RetentionService retention;

    RetentionSchedule(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${hymnsheet.retention.cron:0 23 * * * *}")
    void run() {
        retention.deleteDue();
    }
}
