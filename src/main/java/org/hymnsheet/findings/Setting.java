package org.hymnsheet.findings;

/** Where a young person answered: on a shared kiosk device, or on their own phone (link, QR code or typed code). */
public enum Setting { KIOSK, OWN_DEVICE }
