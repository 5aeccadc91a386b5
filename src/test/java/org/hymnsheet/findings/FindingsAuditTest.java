package org.hymnsheet.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.AuditAction;
import org.hymnsheet.security.AuditLine;
import org.hymnsheet.security.AuditLog;
import org.hymnsheet.security.AuditQuery;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.SurveyTargets;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopTargets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The findings service's reads and exports and the audit log they leave: every view and export with its filter,
 * every page of the safeguarding queue, every moderation decision with the text's id and never its words; the
 * log read newest first, by action and day. Each leaves its line inside its own transaction, which on PostgreSQL
 * must not be a read-only one.
 */
class FindingsAuditTest {
    static final FindingsFilter FIRST_QUARTER_ON_KIOSKS = FindingsFilter.ALL
            .between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).setting(Setting.KIOSK);

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired ApplicationContext context;
        @Autowired FindingsService findings;
        @Autowired AuditLog audit;
        @Autowired QueueService queues;
        TestWorld world;
        long p;
        TestWorld.Persona lead;
        TestWorld.Persona admin;

        @BeforeEach
        void partnership() {
            world = new TestWorld(context);
            p = world.partnership();
            lead = world.account(p, Role.LEAD);
            admin = world.account(p, Role.ADMIN);
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        List<AuditLine> lines(AuditAction action) {
            TestWorld.as(admin);
            return audit.lines(p, new AuditQuery(Optional.of(action), Optional.empty(), Optional.empty()), 0, 50);
        }

        @Test
        void viewing_findings_leaves_a_line_with_the_reader_and_the_filter() {
            TestWorld.as(lead);
            findings.findings(p, FIRST_QUARTER_ON_KIOSKS, TestPanels.LOCALE);
            assertThat(lines(AuditAction.FINDINGS_VIEWED)).singleElement().satisfies(line -> {
                assertThat(line.detail()).isEqualTo("from=2026-01-01 to=2026-03-31 setting=KIOSK");
                assertThat(line.actor()).contains(lead.email());
            });
        }

        @Test
        void the_csv_export_streams_a_bom_file_and_leaves_a_line_with_the_filter() {
            TestWorld.as(lead);
            var out = new ByteArrayOutputStream();
            findings.csv(p, FIRST_QUARTER_ON_KIOSKS, null, TestPanels.LOCALE, out);
            String csv = out.toString(StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFF" + String.join(",", FindingsCsv.ALL_HEADER));
            assertThat(lines(AuditAction.FINDINGS_EXPORTED_CSV)).singleElement().satisfies(line -> {
                assertThat(line.detail()).isEqualTo(FIRST_QUARTER_ON_KIOSKS.describe());
                assertThat(line.actor()).contains(lead.email());
            });
            assertThat(lines(AuditAction.FINDINGS_VIEWED)).isEmpty();
        }

        @Test
        void the_csv_of_a_panel_that_is_not_there_is_refused_and_leaves_no_line() {
            TestWorld.as(lead);
            assertThatThrownBy(() -> findings.csv(p, FindingsFilter.ALL, "no.such.panel", TestPanels.LOCALE,
                    new ByteArrayOutputStream())).isInstanceOf(org.hymnsheet.common.NotFoundException.class);
            assertThat(lines(AuditAction.FINDINGS_EXPORTED_CSV)).isEmpty();
        }

        @Test
        void the_pdf_report_is_a_pdf_and_leaves_a_line_with_the_filter() {
            TestWorld.as(lead);
            var out = new ByteArrayOutputStream();
            findings.pdf(p, FIRST_QUARTER_ON_KIOSKS, TestPanels.LOCALE, out);
            assertThat(out.toString(StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
            assertThat(lines(AuditAction.FINDINGS_EXPORTED_PDF)).singleElement()
                    .satisfies(line -> assertThat(line.detail()).isEqualTo(FIRST_QUARTER_ON_KIOSKS.describe()));
        }

        @Test
        void a_refused_reader_leaves_no_line() {
            TestWorld.as(world.account(p, Role.SAFEGUARDING_LEAD));
            assertThatThrownBy(() -> findings.findings(p, FindingsFilter.ALL, TestPanels.LOCALE))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(lines(AuditAction.FINDINGS_VIEWED)).isEmpty();
        }

        @Test
        void the_filter_choices_offer_this_quarter_the_partnerships_agencies_and_the_templates() {
            String agency = TestWorld.unique("Youth Justice");
            long agencyId = world.agency(p, agency);
            TestWorld.as(lead);
            FindingsChoices choices = findings.choices(p);
            assertThat(choices.quarters().getFirst())
                    .isEqualTo(FindingsChoices.Quarter.of(LocalDate.now(ZoneId.of("Europe/London"))));
            assertThat(choices.agencies()).contains(new FindingsChoices.Choice(String.valueOf(agencyId), agency));
            assertThat(choices.templates()).extracting(FindingsChoices.Choice::id).contains("safe-places", "hymn-sheet");
        }

        @Test
        void each_page_of_the_safeguarding_queue_leaves_a_line() {
            TestWorld.as(world.account(p, Role.SAFEGUARDING_LEAD));
            queues.safeguardingQueue(p, 0, 50);
            queues.safeguardingQueue(p, 50, 50);
            assertThat(lines(AuditAction.SAFEGUARDING_QUEUE_VIEWED)).extracting(AuditLine::detail)
                    .containsExactly("state=ALL offset=50 limit=50", "state=ALL offset=0 limit=50");
        }

        @Test
        void approving_and_rejecting_a_young_persons_text_leave_lines_with_its_id_and_never_its_words() {
            var targets = new SurveyTargets(context, world, p);
            var approved = targets.waitingText();
            var rejected = targets.waitingText();
            TestWorld.as(world.account(p, Role.FACILITATOR));
            queues.approve(approved.id(), approved.body(), false);
            queues.reject(rejected.id());
            assertThat(lines(AuditAction.SURVEY_TEXT_APPROVED)).singleElement()
                    .satisfies(line -> assertThat(line.detail()).isEqualTo("text=" + approved.id()));
            assertThat(lines(AuditAction.SURVEY_TEXT_REJECTED)).singleElement()
                    .satisfies(line -> assertThat(line.detail()).isEqualTo("text=" + rejected.id()));
        }

        @Test
        void moderating_a_workshop_text_leaves_a_line_naming_it_without_its_words_or_their_hash() {
            var pending = new WorkshopTargets(context, world, p).pending();
            TestWorld.as(world.account(p, Role.FACILITATOR));
            context.getBean(WorkshopModerationService.class).moderate(pending.workshopId(), PendingText.TextKind.NOTE,
                    pending.ref(), false);
            assertThat(lines(AuditAction.WORKSHOP_TEXT_REJECTED)).singleElement().satisfies(line -> {
                assertThat(line.detail()).isEqualTo("workshop=" + pending.workshopId() + " kind=NOTE ref="
                        + pending.ref().substring(0, pending.ref().indexOf('@')));
                assertThat(line.detail()).doesNotContain("A note", "@");
            });
        }

        @Test
        void the_log_is_read_newest_first_by_action_and_day_and_page_by_page() {
            TestWorld.as(lead);
            for (int i = 0; i < 3; i++) {
                findings.findings(p, FindingsFilter.ALL.template("t" + i), TestPanels.LOCALE);
            }
            findings.choices(p);
            TestWorld.as(admin);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            var viewedToday = new AuditQuery(Optional.of(AuditAction.FINDINGS_VIEWED), Optional.of(today), Optional.of(today));
            assertThat(audit.count(p, viewedToday)).isEqualTo(3);
            assertThat(audit.lines(p, viewedToday, 0, 2)).extracting(AuditLine::detail)
                    .containsExactly("template=t2", "template=t1");
            assertThat(audit.lines(p, viewedToday, 2, 2)).extracting(AuditLine::detail).containsExactly("template=t0");
            var yesterday = new AuditQuery(Optional.empty(), Optional.of(today.minusDays(1)), Optional.of(today.minusDays(1)));
            assertThat(audit.count(p, yesterday)).isZero();
            assertThat(audit.count(p, AuditQuery.ALL)).isEqualTo(3);
        }
    }
}
