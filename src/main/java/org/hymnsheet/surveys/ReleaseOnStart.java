package org.hymnsheet.surveys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start, releases complete groups of responses that wait (after an upgrade: every survey's earlier responses). */
@Component
class ReleaseOnStart {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseOnStart.class);

    private final ResponseService responses;

    ReleaseOnStart(ResponseService responses) {
        this.responses = responses;
    }

    @EventListener(ApplicationReadyEvent.class)
    void release() {
        int surveys = responses.releaseWaiting();
        if (surveys > 0) {
            LOG.info("Released waiting responses of {} survey(s) in groups of {}", surveys, ReleaseGroups.SIZE);
        }
    }
}
