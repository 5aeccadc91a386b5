package org.hymnsheet.surveys;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.common.Suppression.Tally;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.FreeText;
import org.hymnsheet.templates.LocalizedText;
import org.hymnsheet.templates.MultipleChoice;
import org.hymnsheet.templates.Option;
import org.hymnsheet.templates.PlaceRating;
import org.hymnsheet.templates.PlacesQuestion;
import org.hymnsheet.templates.Question;
import org.hymnsheet.templates.Scale;
import org.hymnsheet.templates.SingleChoice;
import org.hymnsheet.templates.SurveyTemplate;
import org.hymnsheet.templates.TemplateCatalog;
import org.hymnsheet.templates.TrustedPeople;
import org.jooq.Condition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Young people's voice from one survey, for a workshop board's panel and for strategic leads: counts of the closed
 * questions with small numbers suppressed, and the latest words a facilitator approved.
 */
@Service
public class SurveyVoiceService {
    /** How many approved texts a voice carries at most. */
    public static final int TEXTS = 6;
    /** The name of the "somewhere else" place, as respondents read it (respond.elsewhere). */
    static final String ELSEWHERE_NAME = "Somewhere else";
    private static final String EN = LocalizedText.FALLBACK;

    private final SurveyRepository surveys;
    private final VoiceRepository rows;
    private final TemplateCatalog templates;
    private final CurrentStaff staff;

    SurveyVoiceService(SurveyRepository surveys, VoiceRepository rows, TemplateCatalog templates, CurrentStaff staff) {
        this.surveys = surveys;
        this.rows = rows;
        this.templates = templates;
        this.staff = staff;
    }

    /**
     * The survey's findings from submitted responses only. Facilitators, leads and administrators of the survey's
     * partnership may read them. A survey whose template file is gone keeps only its response count: questions and
     * texts are read by the template's question ids and kinds.
     */
    @Transactional(readOnly = true)
    public SurveyVoice voice(long surveyId) {
        staff.require();
        Survey survey = surveys.find(surveyId).orElseThrow(() -> new NotFoundException("survey"));
        staff.requireRoleIn(survey.partnershipId(), Role.FACILITATOR, Role.LEAD, Role.ADMIN);
        return counted(survey);
    }

    /**
     * The counting behind {@link #voice}, without an access check: for callers in this package that have checked
     * access their own way ("you said, we did" opens by the survey's secret results link).
     */
    SurveyVoice counted(Survey survey) {
        long surveyId = survey.id();
        List<Question> questions = templates.survey(survey.templateId()).map(SurveyTemplate::questions).orElse(List.of());

        Condition population = VoiceRepository.releasedOf(surveyId);
        Map<String, Map<String, Tally>> choices = byQuestion(rows.choices(population));
        Map<String, Map<String, Tally>> scales = byQuestion(rows.scales(population));
        Map<String, Tally> answered = rows.answered(population);
        Map<String, Tally> rated = rows.placesRated(population);
        Map<String, List<VoiceRepository.PlaceTally>> places = rows.places(population).stream()
                .collect(groupingBy(VoiceRepository.PlaceTally::questionId));
        List<VoiceRepository.PlaceName> placeNames = questions.stream().anyMatch(PlacesQuestion.class::isInstance)
                ? rows.placeNames(survey.partnershipId()) : List.of();

        List<SurveyVoice.QuestionCounts> counts = new ArrayList<>();
        List<String> textQuestions = new ArrayList<>();
        for (Question q : questions) {
            Tally n = answered.getOrDefault(q.id(), Tally.NONE);
            switch (q) {
                case SingleChoice c -> counts.add(choices(q, c.options(), false, choices.get(q.id()), n));
                case MultipleChoice c -> counts.add(choices(q, c.options(), true, choices.get(q.id()), n));
                case TrustedPeople t -> counts.add(choices(q, t.roles(), true, choices.get(q.id()), n));
                case Scale s -> counts.add(choices(q, scalePoints(s), false, scales.get(q.id()), n));
                case PlacesQuestion p -> {
                    counts.add(places(q, placeNames, places.getOrDefault(q.id(), List.of()), rated));
                    textQuestions.add(q.id());
                }
                case FreeText f -> textQuestions.add(q.id());
            }
        }
        return new SurveyVoice(survey.id(), survey.title(), survey.status(), Suppression.cell(rows.responses(population)),
                counts, rows.approvedTexts(population, textQuestions, TEXTS));
    }

    private static Map<String, Map<String, Tally>> byQuestion(List<VoiceRepository.Tally> tallies) {
        Map<String, Map<String, Tally>> result = new LinkedHashMap<>();
        tallies.forEach(t -> result.computeIfAbsent(t.questionId(), k -> new LinkedHashMap<>()).put(t.key(), t.count()));
        return result;
    }

    private static List<Option> scalePoints(Scale scale) {
        List<Option> points = new ArrayList<>();
        for (int i = 0; i < Scale.POINTS; i++) {
            points.add(new Option(String.valueOf(i + 1), scale.labels().get(i)));
        }
        return points;
    }

    /** Template options in order, then any option the answers hold that the template no longer has. */
    private static SurveyVoice.Choices choices(Question q, List<Option> options, boolean several,
                                               Map<String, Tally> tallies, Tally answered) {
        Map<String, String> labels = new LinkedHashMap<>();
        options.forEach(o -> labels.put(o.id(), o.label().in(EN)));
        Map<String, Tally> counts = tallies == null ? Map.of() : tallies;
        counts.keySet().stream().sorted().forEach(id -> labels.putIfAbsent(id, id));
        List<String> ids = List.copyOf(labels.keySet());
        var shown = Suppression.withTotal(answered, ids.stream().map(id -> counts.getOrDefault(id, Tally.NONE)).toList());
        List<SurveyVoice.Cell> cells = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            cells.add(new SurveyVoice.Cell(ids.get(i), labels.get(ids.get(i)), shown.cells().get(i)));
        }
        return new SurveyVoice.Choices(q.id(), q.text().in(EN), several, shown.total(), cells);
    }

    /** Every place of the partnership (rated or not, so a listed place says nothing), then somewhere else. */
    private static SurveyVoice.Places places(Question q, List<VoiceRepository.PlaceName> placeNames,
                                             List<VoiceRepository.PlaceTally> tallies, Map<String, Tally> ratedAt) {
        Map<String, String> names = new LinkedHashMap<>();
        placeNames.forEach(p -> names.put(p.ref(), p.name()));
        tallies.stream().map(VoiceRepository.PlaceTally::placeRef).filter(ref -> !ref.equals(AnswerInput.PlaceAnswer.ELSEWHERE))
                .sorted().forEach(ref -> names.putIfAbsent(ref, ref));
        names.put(AnswerInput.PlaceAnswer.ELSEWHERE, ELSEWHERE_NAME);
        Map<String, List<VoiceRepository.PlaceTally>> byPlace = tallies.stream()
                .collect(groupingBy(VoiceRepository.PlaceTally::placeRef));
        List<SurveyVoice.RatedPlace> rated = new ArrayList<>();
        names.forEach((ref, name) -> {
            List<VoiceRepository.PlaceTally> place = byPlace.getOrDefault(ref, List.of());
            Map<String, VoiceRepository.PlaceTally> byRating = place.stream()
                    .collect(toMap(VoiceRepository.PlaceTally::rating, Function.identity()));
            List<Tally> cells = List.of(PlaceRating.values()).stream()
                    .map(r -> byRating.containsKey(r.name()) ? byRating.get(r.name()).count() : Tally.NONE).toList();
            var shown = Suppression.withTotal(ratedAt.getOrDefault(q.id() + "/" + ref, Tally.NONE), cells);
            rated.add(new SurveyVoice.RatedPlace(ref, name, shown.total(), shown.cells().get(PlaceRating.SAFE.ordinal()),
                    shown.cells().get(PlaceRating.NOT_SURE.ordinal()), shown.cells().get(PlaceRating.UNSAFE.ordinal())));
        });
        return new SurveyVoice.Places(q.id(), q.text().in(EN), rated);
    }
}
