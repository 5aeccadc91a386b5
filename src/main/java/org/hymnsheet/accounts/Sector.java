package org.hymnsheet.accounts;

/** The fixed list of sectors an agency belongs to. */
public enum Sector {
    CHILDRENS_SOCIAL_CARE,
    POLICE,
    EDUCATION,
    YOUTH_SERVICE,
    YOUTH_JUSTICE,
    HEALTH,
    HOUSING,
    COMMUNITY_SAFETY,
    VOLUNTARY_AND_COMMUNITY,
    OTHER
}
