package org.hymnsheet.faults;

import static org.hymnsheet.db.Tables.ACCOUNT;
import static org.hymnsheet.db.Tables.AGENCY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.StaffPrincipal;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopService;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The clients of the crash test, run inside an app node started with {@code --hymnsheet.test.crash-load.dir=...}
 * (nowhere else: without that property this bean does not exist). They call the app's services as the survey pages
 * and the phones do, and write down each acknowledgement (the service call returned, so its transaction committed)
 * in a log file of this process, one {@code write} per line, which a {@code kill -9} of the process cannot undo.
 *
 * <ul>
 *   <li>Young people: start a response, save three answers, submit; {@code S <response id>} once submitted.</li>
 *   <li>Phones: add a need with an id the phone made; {@code n <phone> <id>} before sending, {@code N <id>} after.</li>
 * </ul>
 *
 * <p>On every start it first sends again, with the same ids, each need that was sent but never acknowledged, as a
 * phone does after reconnecting; then, in {@code load} mode, it runs the clients until the process is killed, or in
 * {@code retry} mode it writes {@code retried} and stops. The first start of a folder creates the survey, the
 * workshop (on its needs stage) and the phones as the demo facilitator, and writes them to {@code fixture}.
 */
@Component
@ConditionalOnProperty("hymnsheet.test.crash-load.dir")
class CrashLoad implements ApplicationListener<ApplicationReadyEvent> {
    static final int NEEDS_STAGE = 4;
    static final int PHONES = 6;
    static final int YOUNG_PEOPLE = 4;
    static final String FIXTURE = "fixture";
    static final String RETRIED = "retried";

    private final Path dir;
    private final String mode;
    private final SurveyService surveys;
    private final ResponseService responses;
    private final WorkshopService workshops;
    private final ParticipantService participants;
    private final InputService inputs;
    private final DSLContext db;
    private FileChannel log;

    CrashLoad(@Value("${hymnsheet.test.crash-load.dir}") Path dir,
              @Value("${hymnsheet.test.crash-load.mode:load}") String mode, SurveyService surveys,
              ResponseService responses, WorkshopService workshops, ParticipantService participants,
              InputService inputs, DSLContext db) {
        this.dir = dir;
        this.mode = mode;
        this.surveys = surveys;
        this.responses = responses;
        this.workshops = workshops;
        this.participants = participants;
        this.inputs = inputs;
        this.db = db;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread.ofPlatform().name("crash-load").start(this::run);
    }

    private void run() {
        try {
            Files.createDirectories(dir);
            Properties fixture = fixture();
            List<String> phones = List.of(fixture.getProperty("phones").split(","));
            CrashLog earlier = CrashLog.read(dir);
            log = FileChannel.open(dir.resolve("acks-" + System.nanoTime() + ".log"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            for (var unacknowledged : earlier.unacknowledgedNeeds().entrySet()) {
                String id = unacknowledged.getKey();
                resend(phones.get(unacknowledged.getValue()), id);
                write("N " + id);
            }
            if (mode.equals("retry")) {
                Files.writeString(dir.resolve(RETRIED), "done");
                return;
            }
            for (int i = 0; i < YOUNG_PEOPLE; i++) {
                String link = fixture.getProperty("survey");
                Thread.ofPlatform().name("young-person-" + i).start(() -> youngPeople(link));
            }
            for (int i = 0; i < PHONES; i++) {
                int phone = i;
                Thread.ofPlatform().name("phone-" + i).start(() -> phone(phone, phones.get(phone)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void youngPeople(String link) {
        while (true) {
            try {
                String id = responses.start(responses.openByLink(link), "en");
                responses.save(id, "area-feels", new AnswerInput.ScaleValue(ThreadLocalRandom.current().nextInt(1, 6)));
                responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("home")));
                responses.save(id, "anything-else", new AnswerInput.Text("Answer of " + id));
                responses.submit(id);
                write("S " + id);
            } catch (RuntimeException refused) {
                // as a young person would: that response is left unfinished (never acknowledged); start another
                pause(refused);
            }
        }
    }

    private void phone(int phone, String token) {
        while (true) {
            String id = UUID.randomUUID().toString();
            write("n " + phone + " " + id);
            try {
                addNeed(token, id);
                write("N " + id);
            } catch (RuntimeException refused) {
                // never acknowledged: the next process sends it again with the same id
                pause(refused);
            }
        }
    }

    /**
     * Sends again a need that was never acknowledged, as a phone does after reconnecting: until it is stored. A
     * refusal is tried again after a pause; the test gives up after its own time-out and says so (on H2, before
     * decision 0032, a need a killed transaction had been writing stayed locked for ever).
     */
    private void resend(String token, String id) {
        while (true) {
            try {
                addNeed(token, id);
                return;
            } catch (RuntimeException refused) {
                pause(refused);
            }
        }
    }

    private static void pause(RuntimeException refused) {
        System.err.println("crash-load: refused, trying again: " + refused);
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void addNeed(String token, String id) {
        inputs.addNeed(token, NEEDS_STAGE, "Need " + id, null, "commissioners", id);
    }

    /** One line, one write: a killed process leaves whole lines, and at most the last one cut. */
    private synchronized void write(String line) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                log.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties fixture() throws IOException {
        Path file = dir.resolve(FIXTURE);
        Properties fixture = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                fixture.load(in);
            }
            return fixture;
        }
        var facilitator = db.select(ACCOUNT.ID, ACCOUNT.EMAIL, ACCOUNT.PARTNERSHIP_ID).from(ACCOUNT)
                .where(ACCOUNT.EMAIL.eq("facilitator@riverside.example")).fetchSingle();
        var principal = StaffPrincipal.of(facilitator.value1(), facilitator.value2(), Set.of(Role.FACILITATOR), false, 0);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        long partnership = facilitator.value3();
        var survey = surveys.open(surveys.create(partnership, "safe-places", "Crash test survey").id());
        Workshop w = workshops.start(workshops.create(partnership, "hymn-sheet", "Crash test workshop").id());
        while (w.currentStage() < NEEDS_STAGE) {
            w = workshops.advance(w.id());
        }
        SecurityContextHolder.clearContext();
        List<Long> agencies = db.select(AGENCY.ID).from(AGENCY).where(AGENCY.PARTNERSHIP_ID.eq(partnership))
                .orderBy(AGENCY.ID).fetch(AGENCY.ID);
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < PHONES; i++) {
            phones.add(participants.join(w.joinCode(), agencies.get(i % agencies.size()), Level.PRACTITIONER, null,
                    "crash-phone-" + i).token());
        }
        fixture.setProperty("survey", survey.linkToken());
        fixture.setProperty("workshop", String.valueOf(w.id()));
        fixture.setProperty("phones", String.join(",", phones));
        Path written = dir.resolve(FIXTURE + ".new");
        try (var out = Files.newBufferedWriter(written)) {
            fixture.store(out, "made by the crash test's first node");
        }
        Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return fixture;
    }
}
