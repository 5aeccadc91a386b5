package org.hymnsheet.surveys;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule for unfinished responses: they are kept while the respondent may still come back, and discarded,
 * with their answers, once nothing has been saved to them for {@code hymnsheet.survey.discard-unfinished-hours}
 * (default 24). Submitted responses are never touched. Safeguarding flags keep their own copy of the text.
 */
@Component
class ResponseHousekeeping {
    private static final Logger log = LoggerFactory.getLogger(ResponseHousekeeping.class);
    private final ResponseRepository responses;
    private final Clock clock;
    private final Duration keep;

    ResponseHousekeeping(ResponseRepository responses, Clock clock,
                         @Value("${hymnsheet.survey.discard-unfinished-hours:24}") long hours) {
        this.responses = responses;
        this.clock = clock;
        this.keep = Duration.ofHours(hours);
    }

    /** Hourly by default; {@code hymnsheet.survey.housekeeping-cron} changes it (the soak check runs it often). */
    @Scheduled(cron = "${hymnsheet.survey.housekeeping-cron:0 7 * * * *}")
    @Transactional
    public int discardUnfinished() {
        int discarded = responses.deleteUnfinishedIdleBefore(clock.instant().truncatedTo(ChronoUnit.HOURS).minus(keep));
        if (discarded > 0) {
            log.info("Discarded {} unfinished survey responses idle for over {} hours", discarded, keep.toHours());
        } else {
            log.debug("Housekeeping ran: no unfinished survey response idle for over {} hours", keep.toHours());
        }
        return discarded;
    }
}
