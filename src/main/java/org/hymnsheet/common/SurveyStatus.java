package org.hymnsheet.common;

/** A survey takes answers only while open; a closed survey can be reopened. */
public enum SurveyStatus { DRAFT, OPEN, CLOSED }
