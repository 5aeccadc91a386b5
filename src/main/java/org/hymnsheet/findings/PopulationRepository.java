package org.hymnsheet.findings;

import static org.hymnsheet.db.Tables.POPULATION_SHARE;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The area's population shares per partnership, question and option (percent of its young people aged 11–25). */
@Repository
class PopulationRepository {
    private final DSLContext db;

    PopulationRepository(DSLContext db) {
        this.db = db;
    }

    Map<String, Map<String, BigDecimal>> shares(long partnershipId) {
        Map<String, Map<String, BigDecimal>> result = new LinkedHashMap<>();
        db.select(POPULATION_SHARE.QUESTION_ID, POPULATION_SHARE.OPTION_ID, POPULATION_SHARE.SHARE)
                .from(POPULATION_SHARE).where(POPULATION_SHARE.PARTNERSHIP_ID.eq(partnershipId))
                .orderBy(POPULATION_SHARE.QUESTION_ID, POPULATION_SHARE.OPTION_ID)
                .forEach(r -> result.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).put(r.value2(), r.value3()));
        return result;
    }

    /** Replaces one question's shares with these. */
    void replace(long partnershipId, String questionId, Map<String, BigDecimal> shares) {
        db.deleteFrom(POPULATION_SHARE).where(POPULATION_SHARE.PARTNERSHIP_ID.eq(partnershipId))
                .and(POPULATION_SHARE.QUESTION_ID.eq(questionId)).execute();
        shares.forEach((optionId, share) -> db.insertInto(POPULATION_SHARE)
                .set(POPULATION_SHARE.PARTNERSHIP_ID, partnershipId)
                .set(POPULATION_SHARE.QUESTION_ID, questionId)
                .set(POPULATION_SHARE.OPTION_ID, optionId)
                .set(POPULATION_SHARE.SHARE, share)
                .execute());
    }
}
