package org.hymnsheet.common;

/**
 * A safeguarding flag (the {@code safeguarding_flag.status} column): open until a safeguarding lead records what
 * was done. Shared because surveys and workshops raise flags and safeguarding alerts leads about the open ones.
 */
public enum FlagStatus { OPEN, HANDLED }
