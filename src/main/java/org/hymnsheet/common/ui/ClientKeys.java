package org.hymnsheet.common.ui;

import com.vaadin.flow.server.VaadinRequest;
import org.hymnsheet.common.Codes;

/** A key per device or network for counting wrong codes, kept in memory only and never as a plain address. */
public final class ClientKeys {
    private ClientKeys() {}

    /** The current request's client address, hashed with SHA-256. */
    public static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? "unknown" : request.getRemoteAddr();
        return Codes.sha256Hex(address);
    }
}
