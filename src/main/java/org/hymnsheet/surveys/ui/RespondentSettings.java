package org.hymnsheet.surveys.ui;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Operator settings for the respondent screens: where "Leave quickly" goes, and the kiosk's idle reset. */
@Component
class RespondentSettings {
    final String leaveUrl;
    final int idleSeconds;
    final int countdownSeconds;
    final int handOverSeconds;

    RespondentSettings(@Value("${hymnsheet.survey.leave-url:https://www.bbc.co.uk/weather}") String leaveUrl,
                       @Value("${hymnsheet.kiosk.idle-seconds:90}") int idleSeconds,
                       @Value("${hymnsheet.kiosk.countdown-seconds:20}") int countdownSeconds,
                       @Value("${hymnsheet.kiosk.hand-over-seconds:10}") int handOverSeconds) {
        this.leaveUrl = leaveUrl;
        this.idleSeconds = idleSeconds;
        this.countdownSeconds = countdownSeconds;
        this.handOverSeconds = handOverSeconds;
    }
}
