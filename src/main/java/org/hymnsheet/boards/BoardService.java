package org.hymnsheet.boards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hymnsheet.templates.CardSortStage;
import org.hymnsheet.templates.FramingStage;
import org.hymnsheet.templates.LocalizedText;
import org.hymnsheet.templates.MappingStage;
import org.hymnsheet.templates.Option;
import org.hymnsheet.templates.PulseStage;
import org.hymnsheet.templates.Stage;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.SpeakingShare;
import org.hymnsheet.workshops.VoiceBalance;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopAggregates;
import org.hymnsheet.workshops.WorkshopAggregates.By;
import org.hymnsheet.workshops.WorkshopScope;
import org.hymnsheet.workshops.WorkshopStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live reflection board of a workshop, for its partnership's facilitators and administrators: re-read from
 * the tables whenever the workshop changes, so a board that reconnects or a node that restarts shows the truth.
 */
@Service
public class BoardService {
    private static final String LANG = LocalizedText.FALLBACK;

    private final BoardRepository boards;
    private final WorkshopAggregates aggregates;
    private final YoungPeoplesVoiceReader youngPeople;

    BoardService(BoardRepository boards, WorkshopAggregates aggregates, YoungPeoplesVoiceReader youngPeople) {
        this.boards = boards;
        this.aggregates = aggregates;
        this.youngPeople = youngPeople;
    }

    /** The board as it stands, with the young people's voice panel: what a saved board keeps. */
    @Transactional(readOnly = true)
    public Board board(long workshopId) {
        Board board = stage(workshopId);
        Long survey = board.workshop().surveyId();
        return survey == null ? board : board.with(youngPeople.read(survey));
    }

    /**
     * Everything the live board shows but the young people's voice panel (which changes with its survey, not with
     * the room, see {@link #youngPeople}), in one read: one access check, the account read once, one query for the
     * workshop, one for its current stage with how many answered, and the stage's figures (each a GROUP BY) once
     * revealed.
     */
    @Transactional(readOnly = true)
    public Board stage(long workshopId) {
        var live = aggregates.liveStage(workshopId); // checks role and partnership
        Workshop w = live.workshop();
        WorkshopStage stage = live.stage();
        List<BoardRepository.AgencyRow> named = new ArrayList<>();
        Board.StageView view = switch (stage.definition()) {
            case org.hymnsheet.templates.VoiceStage v -> voice(w, stage, named);
            case Stage s when !stage.revealed() -> null;
            case FramingStage f -> framing(f, w, stage, named);
            case CardSortStage c -> cardSort(w, c, stage);
            case PulseStage p -> pulse(p, at(w, stage));
            case org.hymnsheet.templates.NeedsStage n -> new Board.Needs(aggregates.needs(at(w, stage), By.ALL).stream()
                    .map(r -> new Board.NeedDots(r.text(), label(n.categories(), r.category()), r.owner(), r.dots()))
                    .toList());
            case MappingStage m -> mapping(m, stage);
        };
        var shortNames = named.stream().filter(a -> a.shortName() != null)
                .map(a -> new Board.ShortName(a.shortName(), a.name()))
                .sorted(java.util.Comparator.comparing(Board.ShortName::shortName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new Board(w, stage, w.participants(), live.answered(), view, null, shortNames);
    }

    /** The young people's voice panel of the workshop's chosen survey, or null when none is chosen. */
    @Transactional(readOnly = true)
    public YoungPeoplesVoice youngPeople(long workshopId) {
        Workshop w = aggregates.liveStage(workshopId).workshop(); // checks role and partnership
        return w.surveyId() == null ? null : youngPeople.read(w.surveyId());
    }

    /** The board's figures are the shared workshop aggregates, for this one stage. */
    private static WorkshopScope at(Workshop w, WorkshopStage stage) {
        return WorkshopScope.stage(w.partnershipId(), w.id(), stage.id());
    }

    private Board.Framing framing(FramingStage f, Workshop w, WorkshopStage stage, List<BoardRepository.AgencyRow> named) {
        Map<Long, BoardRepository.AgencyRow> agencies = new LinkedHashMap<>();
        boards.agencies(w.partnershipId(), w.id()).forEach(a -> agencies.put(a.id(), a));
        Map<Long, List<Integer>> points = new LinkedHashMap<>();
        Map<Long, BigDecimal> means = new LinkedHashMap<>();
        for (var p : boards.framingPoints(stage.id())) {
            points.computeIfAbsent(p.agencyId(), k -> new ArrayList<>()).add(p.position());
            means.put(p.agencyId(), p.mean());
        }
        points.keySet().forEach(id -> named.add(agencies.get(id)));
        var shown = points.entrySet().stream()
                .map(e -> new Board.AgencyPositions(agencies.get(e.getKey()).name(), List.copyOf(e.getValue()),
                        means.get(e.getKey())))
                .toList();
        return new Board.Framing(f.leftLabel().in(LANG), f.rightLabel().in(LANG), shown,
                boards.approvedSentences(stage.id()));
    }

    private Board.Voice voice(Workshop w, WorkshopStage stage, List<BoardRepository.AgencyRow> named) {
        Map<Long, BoardRepository.AgencyRow> all = new LinkedHashMap<>();
        boards.agencies(w.partnershipId(), w.id()).forEach(a -> all.put(a.id(), a));
        var present = all.values().stream().filter(a -> a.people() > 0).toList();
        SpeakingService.Shares shares = aggregates.speaking(WorkshopScope.workshop(w.partnershipId(), w.id()));
        Map<Long, SpeakingShare> byAgency = new LinkedHashMap<>();
        shares.byAgency().forEach(s -> byAgency.put(s.agencyId(), s));
        boolean shown = stage.revealed();
        Map<Long, Integer> votes = new LinkedHashMap<>();
        int allVotes = 0;
        int voters = 0;
        if (shown) {
            for (var v : boards.influence(stage.id())) {
                votes.put(v.agencyId(), v.votes());
                allVotes += v.votes();
                voters = v.voters();
            }
        }
        List<Board.AgencyVoice> agencies = new ArrayList<>();
        // agencies present, then any agency that spoke or was named without anyone present from it
        var ids = new ArrayList<Long>(present.stream().map(BoardRepository.AgencyRow::id).toList());
        byAgency.keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        votes.keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        for (long id : ids) {
            SpeakingShare s = byAgency.get(id);
            var agency = all.get(id);
            if (agency != null) {
                named.add(agency);
            }
            BigDecimal influence = shown ? share(votes.getOrDefault(id, 0), allVotes) : null;
            agencies.add(new Board.AgencyVoice(agency == null ? "?" : agency.name(), agency == null ? 0 : agency.people(),
                    s == null ? 0 : s.turns(), s == null ? 0 : s.seconds().setScale(0, RoundingMode.HALF_UP).intValue(),
                    s == null ? BigDecimal.ZERO : s.timeShare(), s == null ? BigDecimal.ZERO : s.turnShare(), influence));
        }
        var levels = shares.byLevel().stream()
                .map(s -> new Board.LevelVoice(s.level() == null ? null : s.level().name(), s.turns(),
                        s.seconds().setScale(0, RoundingMode.HALF_UP).intValue(), s.timeShare(), s.turnShare()))
                .toList();
        BigDecimal equal = present.isEmpty() ? null : share(1, present.size());
        var secondsOfPresent = present.stream()
                .map(p -> byAgency.containsKey(p.id()) ? byAgency.get(p.id()).seconds() : BigDecimal.ZERO)
                .toList();
        return new Board.Voice(agencies, levels, equal, VoiceBalance.of(secondsOfPresent), shown ? voters : 0, shown);
    }

    private Board.CardSort cardSort(Workshop w, CardSortStage c, WorkshopStage stage) {
        var scope = at(w, stage);
        var balance = aggregates.balance(scope, By.ALL).getFirst(); // one row: no GROUP BY
        Map<String, Integer> tagged = new LinkedHashMap<>();
        aggregates.contexts(scope, By.ALL).forEach(x -> tagged.put(x.context(), x.tags()));
        var contexts = c.contexts().stream()
                .map(o -> new Board.Count(o.label().in(LANG), tagged.getOrDefault(o.id(), 0))).toList();
        return new Board.CardSort(c.leftLabel().in(LANG), c.rightLabel().in(LANG), boards.cards(w.id(), stage.id()),
                balance.placements(), share(balance.ecological(), balance.placements()),
                share(balance.behaviour(), balance.placements()), balance.mean(), contexts);
    }

    private Board.Pulse pulse(PulseStage p, WorkshopScope scope) {
        // the room's own board shows the pulse as it is (decision 0013); findings pass the same tallies through the rule
        var counts = aggregates.pulse(scope, By.ALL);
        var questions = p.questions().stream().map(q -> new Board.PulseQuestion(q.text().in(LANG),
                        q.labels().stream().map(l -> l.in(LANG)).toList(),
                        IntStream.rangeClosed(1, 5).map(v -> counts.stream()
                                .filter(c -> c.question().equals(q.id()) && c.value() == v)
                                .mapToInt(c -> Math.toIntExact(c.tally().count())).sum()).boxed().toList()))
                .toList();
        return new Board.Pulse(questions, boards.approvedComments(scope.stageId().orElseThrow()));
    }

    private Board.Mapping mapping(MappingStage m, WorkshopStage stage) {
        var notes = boards.approvedNotes(stage.id());
        return new Board.Mapping(m.columns().stream().map(col -> new Board.MappingColumn(col.label().in(LANG),
                notes.stream().filter(n -> n.column().equals(col.id())).map(BoardRepository.Note::text).toList()))
                .toList());
    }

    private static String label(List<Option> options, String id) {
        return options.stream().filter(o -> o.id().equals(id)).map(o -> o.label().in(LANG)).findFirst().orElse(id);
    }

    /** part / whole to 4 places (0..1); null for an empty whole. */
    static BigDecimal share(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
