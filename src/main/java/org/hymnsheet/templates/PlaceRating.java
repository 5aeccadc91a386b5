package org.hymnsheet.templates;

/** How a chosen place feels, the same three words in every survey so places can be compared. */
public enum PlaceRating {
    SAFE,
    NOT_SURE,
    UNSAFE
}
