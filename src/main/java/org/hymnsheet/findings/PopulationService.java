package org.hymnsheet.findings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.AboutYou;
import org.hymnsheet.templates.Option;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The area's population shares for the standard "about you" questions (decision 0017): administrators enter, per
 * partnership, what percent of the area's young people aged 11–25 are in each group; findings compare respondents
 * with them to say who is under-represented.
 */
@Service
public class PopulationService {
    /** A group is under-represented when its respondent share is at least this many percentage points below... */
    static final BigDecimal MARGIN_POINTS = new BigDecimal("5");
    /** ...and also under this fraction of its population share (so a small group is not flagged for a tiny gap). */
    static final BigDecimal RATIO = new BigDecimal("0.8");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** What respondents' counts say about one group beside the area's population. */
    public enum Verdict { UNDER_REPRESENTED, NOT_UNDER_REPRESENTED, CANNOT_SAY }

    /**
     * One group of an "about you" question.
     *
     * @param respondentShare percent of the respondents who placed themselves in a group (from shown counts only);
     *                        null when the verdict is {@link Verdict#CANNOT_SAY}
     * @param populationShare percent of the area's young people, or null when none was entered
     */
    public record Representation(String optionId, Verdict verdict, BigDecimal respondentShare, BigDecimal populationShare) {}

    private final PopulationRepository rows;
    private final CurrentStaff staff;

    PopulationService(PopulationRepository rows, CurrentStaff staff) {
        this.rows = rows;
        this.staff = staff;
    }

    /** Per "about you" question id, per option id: the area's share in percent. Leads, facilitators and administrators. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, BigDecimal>> shares(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.LEAD, Role.ADMIN, Role.FACILITATOR);
        return rows.shares(partnershipId);
    }

    /**
     * Replaces one question's shares (administrators). An option left out (or null) has no figure. Each share is
     * from 0 to 100 with at most two decimals, and a question's shares add up to at most 100; "prefer not to say"
     * has no population figure.
     */
    @Transactional
    public void save(long partnershipId, String questionId, Map<String, BigDecimal> shares) {
        staff.requireAdminOf(partnershipId);
        AboutYou.Item item = AboutYou.byQuestionId(questionId == null ? "" : questionId)
                .orElseThrow(() -> new ValidationException("question", "population.unknownQuestion"));
        Set<String> options = new LinkedHashSet<>(item.options().stream().map(Option::id).toList());
        options.remove(AboutYou.PREFER_NOT);
        Map<String, BigDecimal> kept = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (var entry : shares.entrySet()) {
            BigDecimal share = entry.getValue();
            if (share == null) {
                continue;
            }
            if (!options.contains(entry.getKey())) {
                throw new ValidationException(entry.getKey(), "population.unknownOption");
            }
            if (share.signum() < 0 || share.compareTo(HUNDRED) > 0 || share.stripTrailingZeros().scale() > 2) {
                throw new ValidationException(entry.getKey(), "population.range");
            }
            kept.put(entry.getKey(), share.setScale(2, RoundingMode.UNNECESSARY));
            total = total.add(share);
        }
        if (total.compareTo(HUNDRED) > 0) {
            throw new ValidationException("total", "population.total", total.stripTrailingZeros().toPlainString());
        }
        rows.replace(partnershipId, questionId, kept);
    }

    /**
     * Which groups of one "about you" question are under-represented among respondents, from counts already
     * passed through the disclosure rule and never from raw ones. A group's respondent share is its shown count
     * over the sum of the shown counts of every group ("prefer not to say" left out, as the population has no such
     * group). A group whose own count is hidden, or with no population figure, is {@link Verdict#CANNOT_SAY}; so is
     * every group when fewer than two groups are shown. Hidden counts are left out of the sum, which can only raise
     * a shown group's share: an "under-represented" verdict errs on the side of not saying it.
     * Under-represented: at least {@link #MARGIN_POINTS} percentage points below the population share and under
     * {@link #RATIO} times it.
     *
     * @param respondents per option id, how many respondents chose it (as shown)
     * @param population  per option id, the area's share in percent
     */
    static List<Representation> representation(Map<String, Shown> respondents, Map<String, BigDecimal> population) {
        Set<String> groups = new LinkedHashSet<>(respondents.keySet());
        groups.addAll(population.keySet());
        groups.remove(AboutYou.PREFER_NOT);
        long shownTotal = 0;
        int shownGroups = 0;
        for (String group : groups) {
            if (respondents.get(group) instanceof Shown.Exact exact) {
                shownTotal += exact.value();
                shownGroups++;
            }
        }
        List<Representation> result = new ArrayList<>();
        for (String group : groups) {
            BigDecimal populationShare = population.get(group);
            if (!(respondents.get(group) instanceof Shown.Exact exact) || populationShare == null || shownGroups < 2) {
                result.add(new Representation(group, Verdict.CANNOT_SAY, null, populationShare));
                continue;
            }
            BigDecimal share = BigDecimal.valueOf(exact.value()).multiply(HUNDRED)
                    .divide(BigDecimal.valueOf(shownTotal), 2, RoundingMode.HALF_UP);
            boolean under = populationShare.subtract(share).compareTo(MARGIN_POINTS) >= 0
                    && share.compareTo(populationShare.multiply(RATIO)) < 0;
            result.add(new Representation(group, under ? Verdict.UNDER_REPRESENTED : Verdict.NOT_UNDER_REPRESENTED,
                    share, populationShare));
        }
        return result;
    }
}
