package org.hymnsheet.accounts;

/**
 * One of a partnership's agencies.
 *
 * @param shortName what a projected board shows where the full name would not fit ("RS Police"), with a key to the
 *                  full name; null when none is set
 */
public record Agency(long id, long partnershipId, String name, Sector sector, int version, String shortName) {
    /** At most this many characters: a short name is for a chart's axis on a projector. */
    public static final int SHORT_NAME_MAX = 12;
}
