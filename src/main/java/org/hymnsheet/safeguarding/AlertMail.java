package org.hymnsheet.safeguarding;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.mail.SimpleMailMessage;

/**
 * The words of an alert email, from the same message bundle the staff pages use: where the flag came from (survey
 * or workshop, device, time), who found it (the screening or a named member of staff, never their reason) and the
 * link to the queue. Never anything the young person wrote: the outbox does not even read it.
 */
final class AlertMail {
    private static final String BUNDLE = "vaadin-i18n.translations";
    private final String from;
    private final String link;
    private final DateTimeFormatter when;
    private final ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, AlertMail.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    AlertMail(String from, String link, ZoneId zone) {
        this.from = from;
        this.link = link;
        this.when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", Locale.UK).withZone(zone);
    }

    SimpleMailMessage message(AlertRepository.Outgoing alert, Instant now) {
        boolean reminder = AlertRepository.REMINDER.equals(alert.kind());
        String waited = waited(Duration.between(alert.flaggedAt().toInstant(), now));
        List<String> lines = new ArrayList<>();
        lines.add(reminder ? text("alerts.mail.reminderIntro", waited) : text("alerts.mail.intro"));
        lines.add("");
        if (alert.surveyTitle() != null) {
            lines.add(text("alerts.mail.survey", alert.surveyTitle()));
            lines.add(text("alerts.mail.device", alert.deviceLabel() == null ? text("alerts.mail.ownDevice") : alert.deviceLabel()));
        } else {
            lines.add(text("alerts.mail.workshop", alert.workshopTitle()));
        }
        lines.add(text("alerts.mail.when", when.format(alert.flaggedAt())));
        if (!"PERSON".equals(alert.source())) {
            lines.add(text("alerts.mail.byDetector"));
        } else if (alert.sentBy() != null) {
            lines.add(text("alerts.mail.byPerson", alert.sentBy()));
        } else {
            lines.add(text("alerts.mail.byStaff"));
        }
        lines.add("");
        lines.add(text("alerts.mail.open", link));
        lines.add("");
        lines.add(text("alerts.mail.noWords"));
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(alert.email());
        message.setSubject(reminder ? text("alerts.mail.reminderSubject", waited) : text("alerts.mail.subject"));
        message.setText(String.join("\n", lines) + "\n");
        return message;
    }

    /** "35 minutes", "2 hours and 5 minutes". */
    private String waited(Duration waited) {
        long minutes = Math.max(0, waited.toMinutes());
        return minutes < 120 ? text("alerts.mail.minutes", minutes)
                : text("alerts.mail.hoursMinutes", minutes / 60, minutes % 60);
    }

    /** As Vaadin's provider formats: a message without arguments is taken as written. */
    private String text(String key, Object... args) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, Locale.UK).format(args);
    }
}
