package org.hymnsheet.bench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hymnsheet.testing.AppNode;
import org.hymnsheet.testing.AppNode.Demo;
import org.hymnsheet.testing.Chromium;
import org.hymnsheet.testing.NodeDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time compressed: the app as its own process on a fresh H2 file database (the default install), with pooled
 * connections living 30 s instead of 30 min and idle ones closed after 10 s, sessions expiring after 1 minute of
 * silence and the hourly clean-up job running every 15 s, while young people answer the survey on their phones
 * and on a kiosk and facilitators run whole workshops in Chromium, for {@code bench.soak.minutes} (default 6).
 * The app's log must show no error and no exception; the figures go to bench/results/soak-h2.md.
 */
@Tag("bench")
class SoakBenchmark {
    static final int MINUTES = Integer.getInteger("bench.soak.minutes", 6);
    static final String POLICE = "Riverside Police, Safer Neighbourhoods";
    static final String HEALTH = "School Nursing and CAMHS";
    static final String EDUCATION = "Riverside Academy Trust";
    static final Pattern SERVER_ERROR = Pattern.compile(" ERROR |Exception|\\tat [a-z]");

    int surveyJourneys;
    int kioskJourneys;
    int workshopJourneys;

    @Test
    void the_app_on_a_fresh_h2_file_runs_journeys_for_minutes_while_its_pool_turns_over_with_no_server_error()
            throws IOException {
        NodeDatabase db = NodeDatabase.h2File(Path.of("target", "soak-h2"));
        long started;
        long ended;
        try (AppNode node = AppNode.on("soak-h2", db).withDemoData().withArguments(
                "--spring.datasource.hikari.max-lifetime=30000",
                "--spring.datasource.hikari.idle-timeout=10000",
                "--spring.datasource.hikari.minimum-idle=2",
                "--server.servlet.session.timeout=1m",
                "--hymnsheet.survey.housekeeping-cron=*/15 * * * * *",
                "--logging.level.com.zaxxer.hikari.pool.PoolBase=DEBUG",
                "--logging.level.com.zaxxer.hikari.pool.HikariPool=DEBUG",
                "--logging.level.org.hymnsheet.surveys.ResponseHousekeeping=DEBUG",
                "--logging.level.org.hymnsheet.security.SessionLifecycleLog=DEBUG");
             Chromium chromium = Chromium.launch()) {
            node.start();
            started = System.nanoTime();
            long deadline = started + Duration.ofMinutes(MINUTES).toNanos();
            Links links = shareASurvey(chromium, node);
            for (int round = 0; System.nanoTime() < deadline; round++) {
                answerTheSurvey(chromium, node.url(links.own()), false);
                surveyJourneys++;
                answerTheSurvey(chromium, node.url(links.kiosk()), true);
                kioskJourneys++;
                if (round % 2 == 0) {
                    runAWorkshop(chromium, node);
                    workshopJourneys++;
                }
            }
            ended = System.nanoTime();
            // one more survey after the last sessions have expired: the app still takes answers
            sleepQuietly(Duration.ofSeconds(70));
            answerTheSurvey(chromium, node.url(links.own()), false);
            surveyJourneys++;
        }
        String log = Files.readString(Path.of("target", "nodes", "soak-h2.log"));
        List<String> errors = log.lines().filter(l -> SERVER_ERROR.matcher(l).find()).toList();
        long retired = count(log, "passed maxLifetime");
        long idleClosed = count(log, "passed idleTimeout");
        long added = count(log, "Added connection");
        long housekeeping = count(log, "Housekeeping ran");
        long sessionsEnded = count(log, "Session ended after");
        long expired = log.lines().filter(l -> l.contains("Session ended after")
                && Integer.parseInt(l.replaceAll("^.*Session ended after (\\d+) s.*$", "$1")) >= 60).count();
        double minutes = (ended - started) / 60e9;
        String figures = """
                Method: `SoakBenchmark` (`./mvnw -Pbench test -Dtest=SoakBenchmark -Dbench.soak.minutes=%d`). The app runs as
                its own process on a fresh H2 file database with the demo partnership, pool of 5 connections, connection
                lifetime 30 s (HikariCP's minimum; default 30 min), idle connections closed after 10 s (minimum idle 2),
                sessions expiring after 1 minute, and the hourly clean-up of unfinished responses every 15 s. Chromium
                runs, in turn: a young person answering the safe-places survey on their own phone (link), another on a kiosk
                (thank-you, then the device starts again), and every other round a facilitator who signs in, creates and
                starts a workshop, three phones that join and frame the problem with a sentence, approval of the
                sentences, reveal, the next stage and the end. One more survey is answered after 70 s of silence.

                | figure | value |
                |---|---|
                | minutes of journeys | %.1f |
                | survey journeys (own phone) | %d |
                | kiosk journeys | %d |
                | workshop journeys (console, 3 phones) | %d |
                | connections retired at their lifetime | %d |
                | idle connections closed | %d |
                | connections opened | %d |
                | pool turnovers (connections retired ÷ the 2 the pool keeps when quiet) | %.0f |
                | clean-up job runs | %d |
                | server sessions ended (of which expired after 60 s idle) | %d (%d) |
                | ERROR lines or exceptions in the app's log | **%d** |
                """.formatted(MINUTES, minutes, surveyJourneys, kioskJourneys, workshopJourneys, retired, idleClosed,
                added, retired / 2.0, housekeeping, sessionsEnded, expired, errors.size());
        BenchResults.write("soak-h2", figures + (errors.isEmpty() ? "" : "\nFirst errors:\n\n```\n"
                + String.join("\n", errors.subList(0, Math.min(20, errors.size()))) + "\n```\n"));
        assertThat(errors).as("errors in the app's log").isEmpty();
        // at least the two connections the pool keeps are each replaced every 30 s
        assertThat(retired).as("connections retired").isGreaterThanOrEqualTo(2L * (MINUTES * 2 - 1));
        assertThat(housekeeping).isGreaterThan(0);
        assertThat(expired).as("sessions expired").isGreaterThan(0);
    }

    record Links(String own, String kiosk) {}

    /** A facilitator creates and opens a survey and adds a kiosk; returns the paths of its two links. */
    Links shareASurvey(Chromium chromium, AppNode node) {
        BrowserContext staff = chromium.newContext();
        try {
            Page page = staff.newPage();
            Chromium.signInToHome(page, node.baseUrl(), Demo.FACILITATOR, Demo.PASSWORD);
            Chromium.open(page, node.baseUrl(), "/surveys");
            Chromium.choose(page, "survey-template", "Safe places and trusted adults");
            assertThat(page.locator("#survey-title input")).hasValue("Safe places and trusted adults");
            page.locator("#survey-title input").fill("Soak survey");
            page.locator("#survey-create").click();
            page.locator("#survey-open-close").click();
            assertThat(page.getByText("Status: Open")).isVisible();
            page.locator("#kiosk-label input").fill("Youth club tablet");
            page.locator("#kiosk-new-pin input").fill("4826");
            page.locator("#kiosk-add").click();
            assertThat(page.locator("a[href*='/k/']")).hasCount(1);
            return new Links(path(page.locator("a[href*='/s/']")), path(page.locator("a[href*='/k/']")));
        } finally {
            staff.close();
        }
    }

    static String path(Locator link) {
        return link.getAttribute("href").replaceAll("^https?://[^/]+", "");
    }

    /** Start, a rating, free text wherever asked, every other question skipped or left, and send. */
    void answerTheSurvey(Chromium chromium, String url, boolean kiosk) {
        BrowserContext young = chromium.newContext();
        try {
            Page page = young.newPage();
            page.navigate(url);
            page.locator("#start").click();
            Locator progress = page.locator(".progress-text");
            assertThat(progress).hasText(Pattern.compile("^Question 1 of \\d+$"));
            int questions = Integer.parseInt(progress.textContent().replaceAll("^.* of (\\d+)$", "$1").strip());
            page.locator(".question-field").getByRole(AriaRole.RADIO).first().click();
            for (int question = 1; question <= questions; question++) {
                assertThat(progress).hasText("Question " + question + " of " + questions);
                Locator text = page.locator(".question-field vaadin-text-area textarea");
                if (text.count() > 0) {
                    text.first().fill("More lights by the canal " + UUID.randomUUID().toString().substring(0, 6));
                }
                page.locator("#next").click();
            }
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Thank you");
            if (kiosk) {
                // the device starts again by itself for the next person
                assertThat(page.locator("#start")).isVisible(
                        new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            }
        } finally {
            young.close();
        }
    }

    void runAWorkshop(Chromium chromium, AppNode node) {
        BrowserContext staff = chromium.newContext();
        List<BrowserContext> phones = List.of(chromium.newContext(), chromium.newContext(), chromium.newContext());
        try {
            Page console = staff.newPage();
            Chromium.signInToHome(console, node.baseUrl(), Demo.FACILITATOR, Demo.PASSWORD);
            Chromium.open(console, node.baseUrl(), "/workshops");
            Chromium.choose(console, "workshop-template", "Singing from the same hymn sheet");
            assertThat(console.locator("#workshop-title input")).hasValue("Singing from the same hymn sheet");
            console.locator("#workshop-title input").fill("Soak workshop " + workshopJourneys);
            console.locator("#workshop-create").click();
            assertThat(console).hasURL(Pattern.compile("/workshops/\\d+$"));
            console.locator("#workshop-start").click();
            String code = console.locator("#join-code").textContent().strip();
            List<String> agencies = List.of(POLICE, HEALTH, EDUCATION);
            for (int i = 0; i < phones.size(); i++) {
                Page phone = phones.get(i).newPage();
                phone.navigate(node.url("/join/" + code));
                Chromium.choose(phone, "join-agency", agencies.get(i));
                phone.locator("#join-level").getByText("Manager").click();
                phone.locator("#join-go").click();
                assertThat(phone.locator("#stage-title")).hasText("Partners and framing");
                phone.locator("#framing-value").fill(String.valueOf(20 + 30 * i));
                phone.locator("#framing-sentence textarea").fill("It is about the places, phone " + i);
                phone.locator("#framing-save").click();
                assertThat(phone.locator("#saved")).containsText("Saved");
            }
            Locator waiting = console.locator("#pending .pending-text");
            for (int left = phones.size(); left > 0; left--) {
                assertThat(waiting).hasCount(left);
                waiting.first().locator(".approve").click();
            }
            assertThat(waiting).hasCount(0);
            console.locator("#stage-reveal").click();
            console.locator("#stage-next").click();
            assertThat(console.locator("#stage-list")).containsText("revealed");
            console.locator("#workshop-end").click();
            console.locator("#end-confirm").click();
            assertThat(console.getByText("Ended").first()).isVisible();
        } finally {
            staff.close();
            phones.forEach(BrowserContext::close);
        }
    }

    static long count(String log, String text) {
        return log.lines().filter(l -> l.contains(text)).count();
    }

    static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
