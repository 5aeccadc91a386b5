package org.hymnsheet.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.Blns;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.hymnsheet.workshops.BoardSnapshot;
import org.hymnsheet.workshops.CardService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopFixture;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopRecordService;
import org.hymnsheet.workshops.WorkshopService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

class BoardSnapshotServiceTest {
    static final String HOSTILE = "<script>alert(1)</script> \u200F\uD83D\uDE00 =1+1";

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired BoardSnapshotService snapshots;
        @Autowired WorkshopRecordService records;
        @Autowired WorkshopService workshops;
        @Autowired WorkshopModerationService moderation;
        @Autowired CardService cards;
        @Autowired ApplicationContext context;
        WorkshopFixture f;

        @BeforeEach
        void workshop() {
            f = new WorkshopFixture(context);
            TestWorld.as(f.facilitator);
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @Test
        void a_saved_board_is_a_pdf_of_its_chart_stage_figures_and_approved_words_only() throws IOException {
            long id = f.workshop.id();
            String a = f.join(f.police, Level.MANAGER, null);
            String b = f.join(f.health, Level.PRACTITIONER, null);
            f.inputs().frame(a, WorkshopFixture.FRAMING, 20, "Approved sentence");
            f.inputs().frame(b, WorkshopFixture.FRAMING, 80, "Secret sentence");
            approve("Approved sentence");
            workshops.reveal(id, WorkshopFixture.FRAMING);

            BoardSnapshot saved = snapshots.save(id, List.of(new ChartImage("framing", png(120, 60))));

            assertThat(saved.stagePosition()).isZero();
            assertThat(saved.stageTitle()).isEqualTo("Partners and framing");
            assertThat(records.snapshots(id)).containsExactly(saved);
            try (PDDocument pdf = Loader.loadPDF(records.snapshotPdf(saved.id()))) {
                assertThat(pdf.getNumberOfPages()).isBetween(1, 2);
                assertThat(images(pdf)).isEqualTo(1);
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains(f.workshop.title(), "Stage 1 of 6: Partners and framing", "How do you see it?",
                        "Answered: 2 of 2", "Saved ");
                // the chart's label and summary, and its figures as the board's hidden table has them
                assertThat(text).contains("Where each person puts the problem",
                        "0 is \"Mostly the environment\", 100 is \"Mostly wrong choices\".");
                assertThat(text).contains(agency(f.police) + " — People: 1 · Average: 20 · Each position (0 to 100): 20");
                assertThat(text).contains(agency(f.health) + " — People: 1 · Average: 80");
                assertThat(text).contains("In your own words", "Approved sentence");
                assertThat(text).doesNotContain("Secret sentence");
            }
        }

        @Test
        void a_saved_pulse_board_has_totals_and_comments_in_the_order_of_their_words_and_no_agency_or_level()
                throws IOException {
            long id = f.workshop.id();
            String a = f.join(f.police, Level.MANAGER, null);
            String b = f.join(f.health, Level.PRACTITIONER, null);
            f.goTo(WorkshopFixture.PULSE);
            f.inputs().pulse(a, WorkshopFixture.PULSE, "space", 1, "Zebra comment");
            f.inputs().pulse(b, WorkshopFixture.PULSE, "space", 4, "Apple comment");
            moderation.pending(id).forEach(t -> moderation.moderate(id, t.kind(), t.ref(), true));
            workshops.reveal(id, WorkshopFixture.PULSE);
            BoardSnapshot saved = snapshots.save(id, List.of(new ChartImage("pulse-0", png(40, 20))));
            try (PDDocument pdf = Loader.loadPDF(records.snapshotPdf(saved.id()))) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("Apple comment", "Zebra comment");
                assertThat(text.indexOf("Apple comment")).isLessThan(text.indexOf("Zebra comment"));
                assertThat(text).doesNotContain(agency(f.police), agency(f.health), "Manager", "Practitioner");
            }
        }

        @Test
        void a_board_not_yet_revealed_is_saved_without_charts_and_shows_no_figures() throws IOException {
            long id = f.workshop.id();
            String a = f.join(f.police, Level.MANAGER, null);
            f.inputs().frame(a, WorkshopFixture.FRAMING, 35, "Private for now");
            approve("Private for now");
            BoardSnapshot saved = snapshots.save(id, List.of());
            try (PDDocument pdf = Loader.loadPDF(records.snapshotPdf(saved.id()))) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("Answered: 1 of 1", "Answers stay private until the facilitator shows them.");
                assertThat(text).doesNotContain("Private for now", "Average");
            }
            // a picture of a chart the board does not show is refused: the board changed while saving
            assertThatThrownBy(() -> snapshots.save(id, List.of(new ChartImage("framing", png(10, 10)))))
                    .satisfies(e -> refusedWith(e, "boards.snapshot.changed"));
        }

        @Test
        void hostile_titles_and_card_texts_never_break_the_pdf() throws IOException {
            Workshop w = workshops.start(workshops.create(f.partnership, "hymn-sheet", HOSTILE).id());
            List<String> accepted = new ArrayList<>();
            List<String> strings = new ArrayList<>(Blns.strings());
            Collections.addAll(strings, "=1+1", "\u202Eevil\u202C", "Emoji \uD83D\uDE00 card", "\u05E9\u05DC\u05D5\u05DD",
                    "Line\u2028separator");
            for (String s : strings) {
                try {
                    cards.add(w.id(), s);
                    accepted.add(s);
                } catch (ValidationException refused) {
                    // empty, too long, control characters, duplicate: refused with a message
                }
            }
            assertThat(accepted).hasSizeGreaterThan(300).contains("=1+1", "Emoji \uD83D\uDE00 card");
            int cardSort = workshops.stages(w.id()).stream()
                    .filter(s -> s.kind() == org.hymnsheet.workshops.StageKind.CARD_SORT).findFirst().orElseThrow().position();
            while (workshops.get(w.id()).currentStage() < cardSort) {
                workshops.advance(w.id());
            }
            workshops.reveal(w.id(), cardSort);
            workshops.end(w.id()); // an ended workshop's board can still be saved: it is a record

            BoardSnapshot saved = snapshots.save(w.id(), List.of(new ChartImage("cards", png(300, 100)),
                    new ChartImage("contexts", png(300, 60))));

            try (PDDocument pdf = Loader.loadPDF(records.snapshotPdf(saved.id()))) {
                assertThat(images(pdf)).isEqualTo(2);
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("<script>alert(1)</script> ?? =1+1"); // the mark and the emoji become "?"
                assertThat(text).contains("=1+1 — ", "Emoji ? card — ", "?evil? — ", "???? — ", "Line separator — ");
                assertThat(text).contains("This workshop has ended. Last stage: Behaviour-based or ecological?");
                assertThat(pdf.getDocumentInformation().getTitle()).startsWith(HOSTILE);
            }
        }

        @Test
        void anything_but_a_png_of_a_sensible_size_is_refused_with_a_message_and_nothing_is_stored() {
            long id = f.workshop.id();
            workshops.reveal(id, WorkshopFixture.FRAMING);
            String gif = "data:image/gif;base64," + Base64.getEncoder().encodeToString("GIF89a".getBytes());
            String svg = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString("<svg onload=alert(1)>".getBytes());
            String pngLabelOnGif = BoardSnapshotService.PNG_DATA_URL + Base64.getEncoder().encodeToString("GIF89a....".getBytes());
            String notBase64 = BoardSnapshotService.PNG_DATA_URL + "<script>alert(1)</script>";
            String oversized = BoardSnapshotService.PNG_DATA_URL + "A".repeat(5 * 1024 * 1024 / 3 * 4 + 8);
            refused(List.of(new ChartImage("framing", gif)), "boards.snapshot.notPng");
            refused(List.of(new ChartImage("framing", svg)), "boards.snapshot.notPng");
            refused(List.of(new ChartImage("framing", "javascript:alert(1)")), "boards.snapshot.notPng");
            refused(List.of(new ChartImage("framing", null)), "boards.snapshot.notPng");
            refused(List.of(new ChartImage("framing", pngLabelOnGif)), "boards.snapshot.notPng");
            refused(List.of(new ChartImage("framing", notBase64)), "boards.snapshot.notPng");
            refused(List.of(new ChartImage("framing", corrupt())), "boards.snapshot.notPng");
            refused(List.of(new ChartImage("framing", oversized)), "boards.snapshot.tooLarge");
            refused(List.of(new ChartImage("framing", claiming(20_000, 20_000))), "boards.snapshot.tooLarge");
            List<ChartImage> thirteen = new ArrayList<>();
            for (int i = 0; i < 13; i++) {
                thirteen.add(new ChartImage("pulse-" + i, png(4, 4)));
            }
            refused(thirteen, "boards.snapshot.tooMany");
            refused(List.of(new ChartImage("voice", png(4, 4))), "boards.snapshot.changed");
            refused(List.of(new ChartImage("framing", png(4, 4)), new ChartImage("framing", png(4, 4))),
                    "boards.snapshot.changed");
            assertThat(records.snapshots(id)).isEmpty();
        }

        @Test
        void only_facilitators_and_admins_of_the_partnership_save_and_read_saved_boards() {
            long id = f.workshop.id();
            long saved = snapshots.save(id, List.of()).id();
            TestWorld.as(f.world.account(f.partnership, Role.LEAD));
            assertThatThrownBy(() -> snapshots.save(id, List.of())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> records.snapshotPdf(saved)).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(f.world.account(f.world.partnership(), Role.FACILITATOR));
            assertThatThrownBy(() -> snapshots.save(id, List.of())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> records.snapshots(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> records.snapshotPdf(saved)).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(f.world.account(f.partnership, Role.ADMIN));
            assertThat(records.snapshotPdf(saved)).startsWith("%PDF".getBytes());
        }

        private void refused(List<ChartImage> charts, String key) {
            assertThatThrownBy(() -> snapshots.save(f.workshop.id(), charts)).satisfies(e -> refusedWith(e, key));
        }

        private static void refusedWith(Throwable e, String key) {
            assertThat(e).isInstanceOf(ValidationException.class);
            assertThat(((ValidationException) e).messageKey()).isEqualTo(key);
            assertThat(messages()).containsKey(key);
        }

        private void approve(String text) {
            var pending = moderation.pending(f.workshop.id()).stream()
                    .filter(p -> p.kind() == PendingText.TextKind.FRAMING && text.equals(p.text())).findFirst().orElseThrow();
            moderation.moderate(f.workshop.id(), PendingText.TextKind.FRAMING, pending.ref(), true);
        }

        private String agency(long agencyId) {
            return context.getBean(org.hymnsheet.accounts.DirectoryService.class).agencies(f.partnership).stream()
                    .filter(a -> a.id() == agencyId).findFirst().orElseThrow().name();
        }
    }

    /** A tiny real PNG drawn here, as the browser sends it: a data URL. */
    static String png(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x0072B2));
        g.fillRect(0, 0, Math.max(1, width / 2), height);
        g.dispose();
        return BoardSnapshotService.PNG_DATA_URL + Base64.getEncoder().encodeToString(bytes(image));
    }

    /** A PNG signature and header claiming a huge picture, with no picture behind it. */
    static String claiming(int width, int height) {
        byte[] png = Base64.getDecoder().decode(png(4, 4).substring(BoardSnapshotService.PNG_DATA_URL.length()));
        write(png, 16, width);
        write(png, 20, height);
        return BoardSnapshotService.PNG_DATA_URL + Base64.getEncoder().encodeToString(png);
    }

    /** A real PNG's header followed by garbage where the picture should be. */
    static String corrupt() {
        byte[] png = Base64.getDecoder().decode(png(8, 8).substring(BoardSnapshotService.PNG_DATA_URL.length()));
        for (int i = 33; i < png.length; i++) {
            png[i] = (byte) 0x5A;
        }
        return BoardSnapshotService.PNG_DATA_URL + Base64.getEncoder().encodeToString(png);
    }

    private static void write(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }

    private static byte[] bytes(BufferedImage image) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int images(PDDocument pdf) throws IOException {
        int count = 0;
        for (var page : pdf.getPages()) {
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    count++;
                }
            }
        }
        return count;
    }

    static Properties messages() {
        var messages = new Properties();
        try (InputStream in = BoardSnapshotServiceTest.class.getResourceAsStream("/vaadin-i18n/translations.properties")) {
            messages.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }
}
