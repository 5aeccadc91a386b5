package org.hymnsheet.common.ui;

import com.vaadin.flow.server.VaadinRequest;
import org.hymnsheet.common.ClientAddress;

/**
 * A key per device or network for counting wrong codes (and other per-client limits), kept in memory only and
 * never as a plain address. The address is the one the servlet container reports: the direct peer, or the client
 * named in X-Forwarded-For when the peer is one of the configured trusted proxies ({@code hymnsheet.trusted-proxies}).
 * An IPv6 client counts with its whole /64 (see {@link ClientAddress}).
 */
public final class ClientKeys {
    private ClientKeys() {}

    /** The current request's client network, hashed with SHA-256. */
    public static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return ClientAddress.key(request == null ? null : request.getRemoteAddr());
    }
}
