package org.hymnsheet.surveys;

/** A named shared device running a survey in kiosk mode; its link carries the token, never an answer. */
public record Kiosk(long id, long surveyId, String label, String token) {}
