package org.hymnsheet.surveys;

import org.hymnsheet.common.SurveyStatus;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hymnsheet.common.Codes;
import org.hymnsheet.common.CodeGuessGuard;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.templates.Question;
import org.hymnsheet.templates.SurveyTemplate;
import org.hymnsheet.templates.TemplateCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The respondent's side: open a survey by link, code or kiosk, answer, submit. No account and nothing that
 * identifies the device: a response is known only by a random id that lives in the server session.
 * Every answer is saved as the respondent moves on; submit succeeds once.
 */
@Service
public class ResponseService {
    private final SurveyRepository surveys;
    private final ResponseRepository responses;
    private final TemplateCatalog templates;
    private final DisclosureScreen screen;
    private final KioskExitGuard kioskExits;
    private final CodeGuessGuard codeGuesses;
    private final Clock clock;
    private final ZoneId zone;
    private final LiveSignals signals;
    private final RespondentLimits limits;
    private final ReleaseGroups releaseGroups;
    private final TransactionTemplate tx;
    /**
     * What this node knows of the responses it started: their fixed facts, the questions they have rows for and the
     * hour they were last marked active. A respondent's page lives on the node that started its response, so its
     * saves find it here; a response not here (another node's, or from before a restart) is saved the long way.
     */
    private final Cache<String, Started> started = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(3)).build();

    private static final class Started {
        final ResponseRepository.Facts facts;
        final Set<String> answered = ConcurrentHashMap.newKeySet();
        volatile Instant hour;

        Started(ResponseRepository.Facts facts, Instant hour) {
            this.facts = facts;
            this.hour = hour;
        }
    }

    ResponseService(SurveyRepository surveys, ResponseRepository responses, TemplateCatalog templates,
                    DisclosureScreen screen, KioskExitGuard kioskExits, CodeGuessGuard codeGuesses, Clock clock,
                    @Value("${hymnsheet.time-zone:Europe/London}") String zone, LiveSignals signals,
                    RespondentLimits limits, ReleaseGroups releaseGroups, TransactionTemplate tx) {
        this.tx = tx;
        this.releaseGroups = releaseGroups;
        this.signals = signals;
        this.limits = limits;
        this.surveys = surveys;
        this.responses = responses;
        this.templates = templates;
        this.screen = screen;
        this.kioskExits = kioskExits;
        this.codeGuesses = codeGuesses;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** What was saved, and whether the text looked like a disclosure (the device then shows where to get help). */
    public record SaveOutcome(boolean disclosureSuspected) {}

    @Transactional(readOnly = true)
    public SurveyEntry openByLink(String token) {
        return token == null ? SurveyEntry.missing() : surveys.byLink(token).map(s -> entry(s, null)).orElse(SurveyEntry.missing());
    }

    /**
     * A survey by the code a young person typed. Wrong codes count against the client key (a hashed address,
     * kept in memory only): too many in a short time and that key is refused for a while, even for a right code.
     */
    @Transactional(readOnly = true)
    public SurveyEntry openByCode(String code, String clientKey) {
        if (codeGuesses.blocked(clientKey)) {
            return SurveyEntry.tooManyGuesses();
        }
        var entry = surveys.byCode(Codes.normaliseCode(code)).map(s -> entry(s, null));
        if (entry.isEmpty()) {
            codeGuesses.wrongCode(clientKey);
        }
        return entry.orElse(SurveyEntry.missing());
    }

    @Transactional(readOnly = true)
    public SurveyEntry openByKiosk(String token) {
        if (token == null) {
            return SurveyEntry.missing();
        }
        return surveys.kiosk(token).flatMap(k -> surveys.find(k.surveyId()).map(s -> entry(s, k)))
                .orElse(SurveyEntry.missing());
    }

    private SurveyEntry entry(Survey s, SurveyRepository.KioskAccess kiosk) {
        Optional<SurveyTemplate> template = templates.survey(s.templateId());
        if (template.isEmpty()) {
            return SurveyEntry.missing();
        }
        var state = s.status() == SurveyStatus.OPEN ? SurveyEntry.State.OPEN : SurveyEntry.State.CLOSED;
        return new SurveyEntry(state, s.id(), s.title(), template.get(), responses.places(s.partnershipId()),
                kiosk == null ? null : kiosk.label(), kiosk == null ? null : tokenOf(kiosk),
                responses.retentionDays(s.partnershipId()));
    }

    private String tokenOf(SurveyRepository.KioskAccess kiosk) {
        return surveys.kiosks(kiosk.surveyId()).stream().filter(k -> k.id() == kiosk.kioskId()).map(Kiosk::token)
                .findFirst().orElse(null);
    }

    /**
     * Starts a response for server-side callers (demo data, tests), which no client limit applies to. A respondent's
     * page uses {@link #start(SurveyEntry, String, String)} with its client key.
     */
    @Transactional
    public String start(SurveyEntry entry, String language) {
        return begin(entry, language);
    }

    /**
     * Starts a response and returns its random id. The device label is kept only for kiosks. One client key may
     * start only so many responses in a while (so a script cannot flood the safeguarding queue); beyond that the
     * start is refused with a message for the young person ({@code respond.tooMany}).
     */
    @Transactional
    public String start(SurveyEntry entry, String language, String clientKey) {
        limit(RespondentLimits.Kind.START, clientKey);
        return begin(entry, language);
    }

    private String begin(SurveyEntry entry, String language) {
        Survey survey = openSurvey(entry.surveyId());
        SurveyTemplate template = templates.survey(survey.templateId()).orElseThrow(() -> new NotFoundException("survey"));
        String lang = template.languages().contains(language) ? language : template.languages().getFirst();
        String label = entry.kioskToken() == null ? null
                : surveys.kiosk(entry.kioskToken()).filter(k -> k.surveyId() == survey.id())
                        .map(SurveyRepository.KioskAccess::label).orElse(null);
        String id = UUID.randomUUID().toString();
        Instant hour = hour();
        responses.insert(id, survey.id(), lang, label, today(), hour);
        started.put(id, new Started(new ResponseRepository.Facts(survey.id(), lang, label, survey.partnershipId(),
                survey.templateId()), hour));
        return id;
    }

    /** Saves an answer for server-side callers (demo data, tests); a respondent's page passes its client key. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public SaveOutcome save(String responseId, String questionId, AnswerInput input) {
        return write(responseId, questionId, input);
    }

    /**
     * Saves one answer, replacing what the respondent saved for that question before. One client key may save only
     * so many answers in a while; beyond that the save is refused ({@code respond.tooMany}) before anything
     * changes, so the page keeps what the young person typed and they can try again a little later.
     *
     * <p>Most answers are one statement on their own (no transaction around it: see {@link #write}); the others
     * run in one transaction of their own.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public SaveOutcome save(String responseId, String questionId, AnswerInput input, String clientKey) {
        limit(RespondentLimits.Kind.SAVE, clientKey);
        return write(responseId, questionId, input);
    }

    private void limit(RespondentLimits.Kind kind, String clientKey) {
        if (!limits.take(kind, clientKey == null || clientKey.isBlank() ? "unknown" : clientKey)) {
            throw new ValidationException("answer", "respond.tooMany");
        }
    }

    /**
     * One answer, written with as little as the answer allows. The meaning model reads the free texts first (CPU
     * only, nothing locked). Then, for a response this node started: a scale value, an ordinary text and a first
     * choice are ONE statement that writes only while the response is in progress and its survey open (its guard);
     * there is nothing to undo, so it needs no transaction. Everything else (answers that replace choices, places,
     * trusted adults, a possible disclosure with its flag, a new hour of activity, a guard that found nothing) takes
     * the long way: one transaction that locks and reads the response first ({@link #writeLocked}).
     */
    private SaveOutcome write(String responseId, String questionId, AnswerInput input) {
        Map<String, DisclosureScreen.Reading> readings = new HashMap<>();
        for (String text : AnswerWriter.texts(input)) {
            readings.computeIfAbsent(text, screen::read);
        }
        Started known = started.getIfPresent(responseId);
        if (known != null && written(known, responseId, questionId, input, readings)) {
            known.answered.add(questionId);
            return new SaveOutcome(false);
        }
        SaveOutcome outcome = tx.execute(status -> writeLocked(responseId, questionId, input, readings));
        if (known != null) {
            known.hour = hour();
            if (!(input instanceof AnswerInput.Skip)) {
                known.answered.add(questionId);
            }
        }
        return outcome;
    }

    /** The one-statement save; false when this answer must take the long way. */
    private boolean written(Started known, String responseId, String questionId, AnswerInput input,
                            Map<String, DisclosureScreen.Reading> readings) {
        if (!hour().equals(known.hour)) {
            return false;
        }
        SurveyTemplate template = templates.survey(known.facts.templateId()).orElse(null);
        Question question = template == null ? null : template.question(questionId).orElse(null);
        if (question == null) {
            return false;
        }
        AnswerRules.check(question, input);
        try {
            return switch (input) {
                case AnswerInput.ScaleValue v -> responses.upsertScaleIfWritable(responseId, questionId, v.value()) == 1;
                case AnswerInput.Text t -> !screen.decide(readings.get(t.body()), known.facts.language()).flagged()
                        && responses.upsertTextIfWritable(responseId, questionId, t.body()) == 1;
                case AnswerInput.Choice c -> !known.answered.contains(questionId)
                        && responses.insertChoicesIfWritable(responseId, questionId, c.optionIds()) == c.optionIds().size();
                case AnswerInput.Trusted t -> !known.answered.contains(questionId) && !t.roleIds().isEmpty()
                        && (t.other() == null || t.other().isBlank())
                        && responses.insertChoicesIfWritable(responseId, questionId, t.roleIds()) == t.roleIds().size();
                case AnswerInput.Places p -> !known.answered.contains(questionId) && !p.places().isEmpty()
                        && AnswerWriter.texts(p).isEmpty()
                        && responses.insertPlacesIfWritable(responseId, questionId, known.facts.partnershipId(),
                                AnswerWriter.placeRows(p)) == p.places().size();
                default -> false;
            };
        } catch (org.springframework.dao.DataAccessException e) {
            return false; // rows this node did not know of: the long way replaces them
        }
    }

    /**
     * The long way, in one transaction: one statement locks and reads the response with its survey and what the
     * question already has, and the answer is written with one upsert or insert per answer table (a first answer
     * deletes nothing). A possible disclosure adds the flag's two statements.
     */
    private SaveOutcome writeLocked(String responseId, String questionId, AnswerInput input,
                                    Map<String, DisclosureScreen.Reading> readings) {
        Set<Long> placeIds = AnswerRules.placeIdsIfWellFormed(input);
        var target = responses.lockForSave(responseId, questionId, placeIds).orElseThrow(() -> new NotFoundException("response"));
        if (target.submitted()) {
            throw new ValidationException("answer", "answer.alreadySubmitted");
        }
        if (target.surveyStatus() != SurveyStatus.OPEN) {
            throw new ValidationException("answer", "respond.closed");
        }
        SurveyTemplate template = templates.survey(target.templateId()).orElseThrow(() -> new NotFoundException("survey"));
        Question question = template.question(questionId).orElseThrow(() -> new ValidationException("answer", "answer.unknownQuestion"));
        AnswerRules.check(question, input);
        if (target.placesFound() != placeIds.size()) {
            throw new ValidationException("answer", "answer.choosePlace");
        }
        Instant hour = hour();
        if (target.activeHour() == null || !target.activeHour().toInstant().equals(hour)) {
            responses.touch(responseId, hour);
        }
        var draft = new FlagDraft();
        boolean suspected = AnswerWriter.write(responses, responseId, questionId, input, target,
                text -> screen(readings.getOrDefault(text, new DisclosureScreen.Reading(text, null)), target.language(), draft));
        if (!draft.isEmpty()) {
            flag(target.partnershipId(), target.surveyId(), responseId, target.deviceLabel(), questionId, draft);
        }
        return new SaveOutcome(suspected);
    }

    private boolean screen(DisclosureScreen.Reading reading, String language, FlagDraft draft) {
        var check = screen.decide(reading, language);
        if (check.flagged()) {
            draft.add(reading.text(), check);
        }
        return check.flagged();
    }

    /**
     * One flag per response and question: saving the same words again changes nothing; changed words update the
     * flag (open again, at the top) and keep the words they replace in {@code earlier}.
     */
    private void flag(long partnershipId, long surveyId, String responseId, String deviceLabel, String questionId,
                      FlagDraft draft) {
        String body = draft.body(ResponseRepository.flagBodyMax());
        var current = responses.flag(responseId, questionId);
        if (current.isPresent() && current.get().body().equals(body)) {
            return;
        }
        String earlier = current.map(c -> FlagDraft.cut(c.earlier() == null ? c.body() : c.body() + FlagDraft.SEPARATOR + c.earlier(),
                ResponseRepository.flagEarlierMax())).orElse(null);
        responses.upsertFlag(partnershipId, surveyId, responseId, questionId, body, earlier,
                deviceLabel, draft.indicators(ResponseRepository.flagIndicatorsMax()),
                draft.categories(ResponseRepository.flagCategoriesMax()), draft.detection().name(), OffsetDateTime.now(clock));
        signals.changed(Topic.safeguarding(partnershipId));
    }

    /** The respondent's own answers so far, to show again when they go back. Never those of a submitted response. */
    @Transactional(readOnly = true)
    public Map<String, AnswerInput> answers(String responseId) {
        var response = responses.find(responseId).filter(r -> !r.submitted());
        if (response.isEmpty()) {
            return Map.of();
        }
        return AnswerWriter.read(responses, responseId);
    }

    /** Submits once. Submitting again, or again after a dropped connection, changes nothing and still succeeds. */
    @Transactional
    public void submit(String responseId) {
        var response = responses.lock(responseId).orElseThrow(() -> new NotFoundException("response"));
        if (response.submitted()) {
            return;
        }
        Survey survey = surveys.find(response.surveyId()).orElseThrow();
        templates.survey(survey.templateId()).ifPresent(template -> {
            Map<String, AnswerInput> given = AnswerWriter.read(responses, responseId);
            responses.clearAllBut(responseId, Branching.visible(template, given));
        });
        responses.submit(responseId, today());
        started.invalidate(responseId);
        if (releaseGroups.release(survey.id(), today()) > 0) {
            // boards showing this survey re-read after the commit; until five alike have arrived nothing they count changed
            signals.changed(Topic.survey(survey.id()));
        }
    }

    /**
     * Releases what waits to be released (responses submitted before release groups existed, or a release that a
     * crash interrupted): once at start, on every node (the survey row lock keeps them from releasing twice).
     */
    @Transactional
    int releaseWaiting() {
        int released = 0;
        for (long surveyId : releaseGroups.surveysWaiting()) {
            if (releaseGroups.release(surveyId, today()) > 0) {
                released++;
                signals.changed(Topic.survey(surveyId));
            }
        }
        return released;
    }

    /** Leaving kiosk mode needs the PIN the facilitator chose; repeated wrong PINs are refused for a while. */
    @Transactional(readOnly = true)
    public boolean exitKiosk(String kioskToken, String pin) {
        return surveys.kiosk(kioskToken).map(k -> kioskExits.check(k.kioskId(), pin, k.pinHash())).orElse(false);
    }

    private Survey openSurvey(long surveyId) {
        Survey survey = surveys.find(surveyId).orElseThrow(() -> new NotFoundException("survey"));
        if (survey.status() != SurveyStatus.OPEN) {
            throw new ValidationException("answer", "respond.closed");
        }
        return survey;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private Instant hour() {
        return clock.instant().truncatedTo(ChronoUnit.HOURS);
    }
}
