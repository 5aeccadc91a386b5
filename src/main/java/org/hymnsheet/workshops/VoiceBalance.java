package org.hymnsheet.workshops;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The voice-balance index: one minus the Gini coefficient of speaking time across the agencies present.
 * 1 means every agency present spoke for as long as every other; 0 means one agency did all the talking.
 * An agency present that never spoke counts with 0 seconds. Null when nobody has spoken or fewer than two
 * agencies are present (there is no balance to measure). The board (one workshop) and findings (each workshop of a
 * period) use this one definition.
 */
public final class VoiceBalance {
    private VoiceBalance() {}

    public static BigDecimal of(List<? extends Number> secondsPerAgency) {
        int n = secondsPerAgency.size();
        double total = secondsPerAgency.stream().mapToDouble(Number::doubleValue).sum();
        if (n < 2 || total <= 0) {
            return null;
        }
        double differences = 0;
        for (Number a : secondsPerAgency) {
            for (Number b : secondsPerAgency) {
                differences += Math.abs(a.doubleValue() - b.doubleValue());
            }
        }
        // Gini = sum |xi - xj| / (2 n^2 mean) = sum |xi - xj| / (2 n total); normalised by n/(n-1) so that
        // one agency doing all the talking gives exactly 1 whatever the number of agencies
        double gini = differences / (2.0 * n * total) * n / (n - 1);
        return BigDecimal.valueOf(1 - Math.min(1, gini)).setScale(2, RoundingMode.HALF_UP);
    }
}
