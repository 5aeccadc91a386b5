package org.hymnsheet.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.ACCOUNT;
import static org.hymnsheet.db.Tables.SAFEGUARDING_ALERT;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyEntry;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.testing.EmbeddedPostgresInitializer;
import org.hymnsheet.testing.MovableClock;
import org.hymnsheet.workshops.WorkshopService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Alert emails through a real SMTP server (GreenMail, started here on a free port) and a clock the test moves: one
 * email per active safeguarding lead of the partnership for each flag arrival, none of the young person's words in
 * any of them, a reminder once a flag has waited unopened, each email sent once however many senders race, and
 * alerts kept (with their attempts counted) while the mail server is down, then sent when it is back.
 */
class SafeguardingAlertTest {
    static final int SMTP_PORT = freePort();
    static volatile GreenMail smtp = startSmtp();
    static final MovableClock CLOCK = new MovableClock();
    static final String LINK = "https://hymnsheet.test/safeguarding";
    static final String WORDS = "my stepdad Gwilym hits me with his belt behind the Quarrymen chippy";
    static final List<String> DISTINCTIVE = List.of("stepdad", "Gwilym", "hits", "belt", "Quarrymen", "chippy");

    // Databases of their own: the sender works through every waiting alert it finds, and the classes that ran before
    // leave many in the shared test databases. Run after them, with the mail server down, this class's alerts were
    // still behind some 1,800 others when it looked, and the test failed.
    @Nested
    @SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:safeguarding-alerts;DB_CLOSE_DELAY=-1",
            "spring.jooq.sql-dialect=H2"})
    class OnH2Database extends Contract {}

    @Nested
    @SpringBootTest
    @ContextConfiguration(initializers = OwnPostgresDatabase.class)
    class OnPostgresDatabase extends Contract {}

    static class OwnPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + EmbeddedPostgresInitializer.freshDatabase("safeguarding_alerts"),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=",
                    "spring.jooq.sql-dialect=POSTGRES").applyTo(context);
        }
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    abstract static class Contract {
        @TestBean Clock clock;
        @Autowired SafeguardingAlerts alerts;
        @Autowired ResponseService responses;
        @Autowired SurveyService surveys;
        @Autowired WorkshopService workshops;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;

        TestWorld world;
        long partnership;
        TestWorld.Persona leadA;
        TestWorld.Persona leadB;
        TestWorld.Persona facilitator;
        TestWorld.Persona inactiveLead;
        TestWorld.Persona otherLead;
        Survey survey;
        SurveyEntry entry;

        static Clock clock() {
            return CLOCK;
        }

        @DynamicPropertySource
        static void mailServer(DynamicPropertyRegistry registry) {
            registry.add("spring.mail.host", () -> "127.0.0.1");
            registry.add("spring.mail.port", () -> SMTP_PORT);
            registry.add("hymnsheet.public-url", () -> "https://hymnsheet.test/");
            registry.add("hymnsheet.mail.from", () -> "alerts@hymnsheet.test");
            // the schedule stays out of the way; flags still wake the sender at once, as in production
            registry.add("hymnsheet.safeguarding.alert-interval", () -> "PT1H");
        }

        @BeforeEach
        void partnershipWithLeads() {
            world = new TestWorld(context);
            partnership = world.partnership();
            leadA = world.account(partnership, Role.SAFEGUARDING_LEAD);
            leadB = world.account(partnership, Role.SAFEGUARDING_LEAD, Role.LEAD);
            facilitator = world.account(partnership, Role.FACILITATOR);
            inactiveLead = world.account(partnership, Role.SAFEGUARDING_LEAD);
            db.update(ACCOUNT).set(ACCOUNT.ACTIVE, false).where(ACCOUNT.ID.eq(inactiveLead.accountId())).execute();
            otherLead = world.account(world.partnership(), Role.SAFEGUARDING_LEAD);
            TestWorld.as(facilitator);
            survey = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Youth club survey")).id());
            TestWorld.anonymous();
            entry = responses.openByLink(survey.linkToken());
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        /** A young person answers "anything else" as the survey page saves it. */
        String answer(SurveyEntry on, String words) {
            String id = responses.start(on, "en");
            assertThat(responses.save(id, "anything-else", new AnswerInput.Text(words)).disclosureSuspected()).isTrue();
            return id;
        }

        /** Runs the steps here and waits until no alert of this partnership's flags is waiting to be sent. */
        void settle() {
            alerts.runOnce();
            within(Duration.ofSeconds(10), () -> {
                if (unsent() > 0) {
                    alerts.runOnce();
                }
                return unsent() == 0;
            });
            assertThat(unsent()).as("alerts still unsent").isZero();
        }

        int unsent() {
            return db.fetchCount(SAFEGUARDING_ALERT, SAFEGUARDING_ALERT.SENT_AT.isNull()
                    .and(SAFEGUARDING_ALERT.FLAG_ID.in(db.select(SAFEGUARDING_FLAG.ID).from(SAFEGUARDING_FLAG)
                            .where(SAFEGUARDING_FLAG.PARTNERSHIP_ID.eq(partnership)))));
        }

        static List<MimeMessage> mailTo(TestWorld.Persona persona) {
            return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(persona.email())).toList();
        }

        static String to(MimeMessage m) {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        static String subject(MimeMessage m) {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Subject and body, as the lead's mail program shows them. */
        static String whole(MimeMessage m) {
            return subject(m) + "\n" + GreenMailUtil.getBody(m);
        }

        void assertNoneFor(TestWorld.Persona... people) {
            for (var p : people) {
                assertThat(mailTo(p)).as("mail to %s", p.email()).isEmpty();
            }
        }

        @Test
        void a_flagged_answer_emails_each_active_safeguarding_lead_of_its_partnership_once_without_its_words() {
            answer(entry, WORDS);
            settle();

            for (var lead : List.of(leadA, leadB)) {
                assertThat(mailTo(lead)).singleElement().satisfies(m -> {
                    assertThat(subject(m)).isEqualTo("Hymn Sheet: a young person's answer may need a safeguarding lead");
                    assertThat(m.getFrom()[0].toString()).isEqualTo("alerts@hymnsheet.test");
                    String body = GreenMailUtil.getBody(m);
                    assertThat(body).contains("Survey: " + survey.title(), "Device: their own device", LINK,
                            "Found by: the screening of young people's answers",
                            "Time: " + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK)
                                    .format(CLOCK.instant().atZone(ZoneId.of("Europe/London"))));
                    for (String word : DISTINCTIVE) {
                        assertThat(whole(m).toLowerCase(Locale.ROOT)).as("the young person's word '%s'", word)
                                .doesNotContain(word.toLowerCase(Locale.ROOT));
                    }
                });
            }
            assertNoneFor(facilitator, inactiveLead, otherLead);
        }

        @Test
        void a_flag_is_emailed_at_once_when_its_partnerships_queue_signals_without_waiting_for_the_schedule() {
            alerts.onSchedule(); // as every node does every interval: it now hears this new partnership's queue
            pause(1000); // the scheduled run (nothing to send yet) is over: only the flag's signal can send it now
            answer(entry, WORDS);
            eventually(() -> mailTo(leadA).size() == 1 && mailTo(leadB).size() == 1);
            assertThat(mailTo(leadA)).hasSize(1);
            assertThat(mailTo(leadB)).hasSize(1);
        }

        @Test
        void the_same_words_saved_again_send_nothing_more_and_changed_words_send_again() {
            String id = answer(entry, WORDS);
            settle();
            CLOCK.advance(Duration.ofMinutes(1));
            responses.save(id, "anything-else", new AnswerInput.Text(WORDS));
            settle();
            assertThat(mailTo(leadA)).hasSize(1);
            assertThat(mailTo(leadB)).hasSize(1);

            CLOCK.advance(Duration.ofMinutes(1));
            responses.save(id, "anything-else", new AnswerInput.Text(WORDS + " and Gwilym kicked me"));
            settle();
            assertThat(mailTo(leadA)).hasSize(2).allSatisfy(m -> assertThat(whole(m)).doesNotContain("Gwilym", "kicked"));
            assertThat(mailTo(leadB)).hasSize(2);
            assertNoneFor(facilitator, inactiveLead, otherLead);
        }

        @Test
        void an_answer_on_a_shared_tablet_names_the_tablet() {
            TestWorld.as(facilitator);
            var kiosk = surveys.addKiosk(survey.id(), "Youth club tablet 3", "1234");
            TestWorld.anonymous();
            answer(responses.openByKiosk(kiosk.token()), WORDS);
            settle();
            assertThat(mailTo(leadA)).singleElement()
                    .satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("Device: Youth club tablet 3"));
        }

        @Test
        void a_flag_left_unopened_past_the_reminder_time_reminds_each_lead_once() {
            answer(entry, WORDS);
            settle();
            CLOCK.advance(Duration.ofMinutes(29));
            settle();
            assertThat(mailTo(leadA)).as("not yet").hasSize(1);

            CLOCK.advance(Duration.ofMinutes(2));
            settle();
            for (var lead : List.of(leadA, leadB)) {
                var reminders = mailTo(lead).stream().filter(m -> subject(m).contains("reminder")).toList();
                assertThat(reminders).singleElement().satisfies(m -> {
                    assertThat(subject(m)).isEqualTo(
                            "Hymn Sheet reminder: a possible disclosure has waited 31 minutes without being opened");
                    assertThat(GreenMailUtil.getBody(m)).contains("Survey: " + survey.title(), LINK)
                            .doesNotContain("Gwilym", "chippy");
                });
            }
            CLOCK.advance(Duration.ofHours(2));
            settle();
            assertThat(mailTo(leadA)).as("one reminder per arrival").hasSize(2);
            assertThat(mailTo(leadB)).hasSize(2);
            assertNoneFor(facilitator, inactiveLead, otherLead);
        }

        @Test
        void a_flag_a_lead_has_opened_is_not_reminded() {
            String id = answer(entry, WORDS);
            settle();
            CLOCK.advance(Duration.ofMinutes(5));
            db.update(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.OPENED_BY, leadA.accountId())
                    .set(SAFEGUARDING_FLAG.OPENED_AT, OffsetDateTime.now(CLOCK))
                    .where(SAFEGUARDING_FLAG.RESPONSE_ID.eq(id)).execute();
            CLOCK.advance(Duration.ofMinutes(40));
            settle();
            assertThat(mailTo(leadA)).hasSize(1);
            assertThat(mailTo(leadB)).hasSize(1);
            assertThat(db.fetchCount(SAFEGUARDING_ALERT, SAFEGUARDING_ALERT.KIND.eq("REMINDER")
                    .and(SAFEGUARDING_ALERT.FLAG_ID.in(db.select(SAFEGUARDING_FLAG.ID).from(SAFEGUARDING_FLAG)
                            .where(SAFEGUARDING_FLAG.RESPONSE_ID.eq(id)))))).isZero();
        }

        @Test
        void two_senders_racing_send_each_email_once() throws Exception {
            int flags = 15;
            for (int i = 0; i < flags; i++) {
                flagWithoutSignal();
            }
            assertThat(alerts.enqueue()).isGreaterThanOrEqualTo(2 * flags);
            var start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> senders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                senders.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return alerts.send();
                }));
            }
            start.countDown();
            int sent = senders.stream().mapToInt(CompletableFuture::join).sum();
            settle();

            assertThat(sent).isGreaterThanOrEqualTo(2 * flags);
            assertThat(mailTo(leadA)).hasSize(flags);
            assertThat(mailTo(leadB)).hasSize(flags);
            assertThat(db.fetchCount(SAFEGUARDING_ALERT, SAFEGUARDING_ALERT.ACCOUNT_ID.eq(leadA.accountId())))
                    .isEqualTo(flags);
        }

        @Test
        void alerts_wait_with_their_attempts_counted_while_the_mail_server_is_down_and_go_when_it_is_back() {
            smtp.stop();
            try {
                long flag = flagWithoutSignal();
                alerts.runOnce();
                eventually(() -> db.fetchCount(SAFEGUARDING_ALERT, SAFEGUARDING_ALERT.FLAG_ID.eq(flag)
                        .and(SAFEGUARDING_ALERT.ATTEMPTS.eq(1))) == 2);
                var rows = db.selectFrom(SAFEGUARDING_ALERT).where(SAFEGUARDING_ALERT.FLAG_ID.eq(flag)).fetch();
                assertThat(rows).hasSize(2).allSatisfy(r -> {
                    assertThat(r.getSentAt()).isNull();
                    assertThat(r.getAttempts()).isEqualTo(1);
                    assertThat(r.getLastError()).isNotBlank().doesNotContain("Gwilym");
                });
                CLOCK.advance(Duration.ofMinutes(1));
                alerts.runOnce();
                assertThat(db.fetchCount(SAFEGUARDING_ALERT, SAFEGUARDING_ALERT.FLAG_ID.eq(flag)
                        .and(SAFEGUARDING_ALERT.ATTEMPTS.eq(1)))).as("waits before trying again").isEqualTo(2);
                CLOCK.advance(Duration.ofMinutes(2));
                alerts.runOnce();
                assertThat(db.fetchCount(SAFEGUARDING_ALERT, SAFEGUARDING_ALERT.FLAG_ID.eq(flag)
                        .and(SAFEGUARDING_ALERT.ATTEMPTS.eq(2)).and(SAFEGUARDING_ALERT.SENT_AT.isNull()))).isEqualTo(2);
            } finally {
                smtp = startSmtp();
            }
            alerts.runOnce();
            assertThat(mailTo(leadA)).as("the wait after the second failure is not over yet").isEmpty();
            CLOCK.advance(Duration.ofMinutes(5));
            settle();
            assertThat(mailTo(leadA)).hasSize(1);
            assertThat(mailTo(leadB)).hasSize(1);
        }

        @Test
        void a_workshop_text_a_facilitator_sent_names_the_workshop_and_the_sender_but_not_their_reason() {
            TestWorld.as(facilitator);
            var workshop = workshops.create(partnership, "hymn-sheet", TestWorld.unique("Hymn sheet workshop"));
            TestWorld.anonymous();
            OffsetDateTime now = OffsetDateTime.now(CLOCK);
            db.insertInto(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.PARTNERSHIP_ID, partnership)
                    .set(SAFEGUARDING_FLAG.WORKSHOP_ID, workshop.id()).set(SAFEGUARDING_FLAG.SOURCE_REF, "NOTE:1")
                    .set(SAFEGUARDING_FLAG.SOURCE, "PERSON").set(SAFEGUARDING_FLAG.SENT_BY, facilitator.accountId())
                    .set(SAFEGUARDING_FLAG.SENT_AT, now).set(SAFEGUARDING_FLAG.REASON, "Gwilym is named, see the Quarrymen note")
                    .set(SAFEGUARDING_FLAG.BODY, WORDS).set(SAFEGUARDING_FLAG.INDICATORS, "")
                    .set(SAFEGUARDING_FLAG.FLAGGED_AT, now).execute();
            settle();
            assertThat(mailTo(leadA)).singleElement().satisfies(m -> {
                assertThat(GreenMailUtil.getBody(m)).contains("Workshop: " + workshop.title(),
                        "Sent by: Test " + facilitator.email() + ", who read it in moderation", LINK)
                        .doesNotContain("Survey:", "Device:");
                assertThat(whole(m)).doesNotContain("Gwilym", "Quarrymen", "named");
            });
            assertThat(mailTo(leadB)).hasSize(1);
        }

        @Test
        void an_alert_that_failed_ten_times_is_given_up() {
            long flag = flagWithoutSignal();
            alerts.enqueue();
            db.update(SAFEGUARDING_ALERT).set(SAFEGUARDING_ALERT.ATTEMPTS, SafeguardingAlerts.MAX_ATTEMPTS - 1)
                    .set(SAFEGUARDING_ALERT.CLAIMED_AT, OffsetDateTime.now(CLOCK).minusDays(1))
                    .where(SAFEGUARDING_ALERT.FLAG_ID.eq(flag)).execute();
            smtp.stop();
            try {
                alerts.send();
            } finally {
                smtp = startSmtp();
            }
            assertThat(db.fetchCount(SAFEGUARDING_ALERT, SAFEGUARDING_ALERT.FLAG_ID.eq(flag)
                    .and(SAFEGUARDING_ALERT.ATTEMPTS.eq(SafeguardingAlerts.MAX_ATTEMPTS)))).isEqualTo(2);
            CLOCK.advance(Duration.ofDays(1));
            alerts.send();
            assertThat(mailTo(leadA)).isEmpty();
            assertThat(db.fetchCount(SAFEGUARDING_ALERT, SAFEGUARDING_ALERT.FLAG_ID.eq(flag)
                    .and(SAFEGUARDING_ALERT.SENT_AT.isNull()))).isEqualTo(2);
        }

        /** A flag written straight into the table, as a flag written by any part of the app: no signal wakes the sender. */
        long flagWithoutSignal() {
            return db.insertInto(SAFEGUARDING_FLAG).set(SAFEGUARDING_FLAG.PARTNERSHIP_ID, partnership)
                    .set(SAFEGUARDING_FLAG.SURVEY_ID, survey.id()).set(SAFEGUARDING_FLAG.RESPONSE_ID, UUID.randomUUID().toString())
                    .set(SAFEGUARDING_FLAG.QUESTION_ID, "anything-else").set(SAFEGUARDING_FLAG.BODY, WORDS)
                    .set(SAFEGUARDING_FLAG.INDICATORS, "hits me").set(SAFEGUARDING_FLAG.FLAGGED_AT, OffsetDateTime.now(CLOCK))
                    .returning(SAFEGUARDING_FLAG.ID).fetchSingle().getId();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 5 s for a condition that another thread of this node may still be making true. */
    static void eventually(java.util.function.BooleanSupplier condition) {
        within(Duration.ofSeconds(5), condition::getAsBoolean);
    }

    /** Polls every 50 ms until the condition holds or the time is up; the assertions that follow say what is wrong. */
    static void within(Duration time, java.util.concurrent.Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(time).pollInterval(Duration.ofMillis(50)).until(condition);
        } catch (ConditionTimeoutException e) {
            // left to the assertions after it
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static GreenMail startSmtp() {
        var server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
