package org.hymnsheet.common;

/** DRAFT: set up, nobody can join yet. LIVE: running. ENDED: frozen, every change refused. */
public enum WorkshopStatus { DRAFT, LIVE, ENDED }
