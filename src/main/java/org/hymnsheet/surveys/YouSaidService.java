package org.hymnsheet.surveys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hymnsheet.common.Codes;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.QrCodes;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.Staff;
import org.hymnsheet.templates.AboutYou;
import org.hymnsheet.templates.LocalizedText;
import org.hymnsheet.templates.MultipleChoice;
import org.hymnsheet.templates.Option;
import org.hymnsheet.templates.Question;
import org.hymnsheet.templates.Scale;
import org.hymnsheet.templates.SingleChoice;
import org.hymnsheet.templates.SurveyTemplate;
import org.hymnsheet.templates.TemplateCatalog;
import org.hymnsheet.templates.TrustedPeople;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "You said, we did" (decision 0017): a survey's public page, opened without an account by its own secret link
 * (never the answering link), showing what young people said, counted by {@link SurveyVoiceService} (so through
 * the disclosure rule, released responses only), and what the partnership did, in entries its leads write.
 */
@Service
public class YouSaidService {
    /** The longest "we did" entry, in characters. */
    public static final int ACTION_MAX = 1000;

    private final SurveyRepository surveys;
    private final ActionRepository actions;
    private final SurveyVoiceService voices;
    private final TemplateCatalog templates;
    private final CurrentStaff staff;

    YouSaidService(SurveyRepository surveys, ActionRepository actions, SurveyVoiceService voices,
                   TemplateCatalog templates, CurrentStaff staff) {
        this.surveys = surveys;
        this.actions = actions;
        this.voices = voices;
        this.templates = templates;
        this.staff = staff;
    }

    /**
     * The page of the survey this results token opens, in the language asked for (English when the survey has no
     * such language), or empty when no survey has this token. Open to everyone holding the link.
     */
    @Transactional(readOnly = true)
    public Optional<YouSaid> page(String resultsToken, String language) {
        if (resultsToken == null || resultsToken.isBlank()) {
            return Optional.empty();
        }
        return surveys.byResultsToken(resultsToken).map(survey -> page(survey, language));
    }

    private YouSaid page(Survey survey, String asked) {
        Optional<SurveyTemplate> template = templates.survey(survey.templateId());
        List<String> languages = template.map(SurveyTemplate::languages).orElse(List.of(LocalizedText.FALLBACK));
        String language = languages.contains(asked) ? asked : LocalizedText.FALLBACK;
        SurveyVoice voice = voices.counted(survey);
        List<YouSaid.Topic> topics = new ArrayList<>();
        for (SurveyVoice.QuestionCounts counts : voice.questions()) {
            if (counts.questionId().startsWith(AboutYou.ID_PREFIX)) {
                continue; // who answered is for the partnership's findings, not for a poster
            }
            Optional<Question> question = template.flatMap(t -> t.question(counts.questionId()));
            switch (counts) {
                case SurveyVoice.Choices choices -> topics.add(new YouSaid.Topic(YouSaid.Kind.QUESTION, choices.questionId(),
                        question.map(q -> q.text().in(language)).orElse(choices.text()),
                        choices.cells().stream().map(c -> new YouSaid.Line(c.id(),
                                label(question.orElse(null), c.id(), language).orElse(c.label()), c.count())).toList()));
                case SurveyVoice.Places places -> {
                    topics.add(places(YouSaid.Kind.PLACES_SAFE, places, SurveyVoice.RatedPlace::safe));
                    topics.add(places(YouSaid.Kind.PLACES_UNSAFE, places, SurveyVoice.RatedPlace::unsafe));
                }
            }
        }
        return new YouSaid(survey.title(), language, languages, voice.submitted(), topics, voice.approvedTexts(),
                actions.list(survey.id()));
    }

    /** Every place with its count, the shown counts first (largest first), then the hidden ones in list order. */
    private static YouSaid.Topic places(YouSaid.Kind kind, SurveyVoice.Places places,
                                        Function<SurveyVoice.RatedPlace, Shown> count) {
        List<YouSaid.Line> lines = places.places().stream()
                .map(p -> new YouSaid.Line(p.ref(), p.name(), count.apply(p))).toList();
        Comparator<YouSaid.Line> largestFirst = Comparator.comparingInt(
                line -> line.count() instanceof Shown.Exact exact ? -exact.value() : 0);
        return new YouSaid.Topic(kind, places.questionId(), places.text(), lines.stream().sorted(largestFirst).toList());
    }

    /** The template's words for an option, role or scale point, in the language. */
    private static Optional<String> label(Question question, String id, String language) {
        List<Option> options = switch (question) {
            case SingleChoice c -> c.options();
            case MultipleChoice c -> c.options();
            case TrustedPeople t -> t.roles();
            case Scale s -> {
                int point = id.matches("[1-5]") ? Integer.parseInt(id) : 0;
                yield point == 0 ? List.of() : List.of(new Option(id, s.labels().get(point - 1)));
            }
            case null, default -> List.of();
        };
        return options.stream().filter(o -> o.id().equals(id)).findFirst().map(o -> o.label().in(language));
    }

    /** The partnership's surveys, for its leads to write what they did. */
    @Transactional(readOnly = true)
    public List<Survey> surveys(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.LEAD, Role.ADMIN);
        return surveys.list(partnershipId);
    }

    /** The survey's results token (the secret of its public page), made now for a survey from before there was one. */
    @Transactional
    public String resultsToken(long surveyId) {
        writable(surveyId);
        return surveys.resultsToken(surveyId, Codes.randomToken(16));
    }

    /** A QR code (PNG) of the page's link, for a poster in the youth club. */
    @Transactional(readOnly = true)
    public byte[] qrCode(long surveyId, String link) {
        writable(surveyId);
        return QrCodes.png(link, 480);
    }

    /** The survey's "we did" entries, the newest first. */
    @Transactional(readOnly = true)
    public List<SurveyAction> actions(long surveyId) {
        writable(surveyId);
        return actions.list(surveyId);
    }

    @Transactional
    public SurveyAction addAction(long surveyId, String body) {
        Staff writer = writable(surveyId);
        return actions.find(actions.insert(surveyId, body(body), writer.accountId())).orElseThrow();
    }

    @Transactional
    public SurveyAction editAction(long actionId, String body) {
        SurveyAction action = actions.find(actionId).orElseThrow(() -> new NotFoundException("action"));
        writable(action.surveyId());
        actions.update(actionId, body(body));
        return actions.find(actionId).orElseThrow();
    }

    @Transactional
    public void deleteAction(long actionId) {
        SurveyAction action = actions.find(actionId).orElseThrow(() -> new NotFoundException("action"));
        writable(action.surveyId());
        actions.delete(actionId);
    }

    /** A lead or administrator of the survey's partnership: they speak for what the partnership did. */
    private Staff writable(long surveyId) {
        staff.require();
        Survey survey = surveys.find(surveyId).orElseThrow(() -> new NotFoundException("survey"));
        return staff.requireRoleIn(survey.partnershipId(), Role.LEAD, Role.ADMIN);
    }

    /** Plain text as typed (line breaks allowed), not blank, not too long, no other control characters. */
    private static String body(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new ValidationException("body", "validation.required");
        }
        String body = typed.replace("\r\n", "\n").replace('\r', '\n');
        if (body.length() > ACTION_MAX) {
            throw new ValidationException("body", "validation.tooLong", ACTION_MAX);
        }
        if (body.codePoints().anyMatch(c -> c != '\n' && (Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.SURROGATE || c == 0xFFFE || c == 0xFFFF))) {
            throw new ValidationException("body", "weDid.controlCharacters");
        }
        return body;
    }
}
