package org.hymnsheet.common.ui;

import com.vaadin.flow.server.VaadinServletRequest;

/** Links that leave the facilitator's screen: built from the address the facilitator's browser reached. */
public final class Links {
    private Links() {}

    /** The app's address ending in "/", for links and QR codes. */
    public static String base() {
        var request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "/";
        }
        var http = request.getHttpServletRequest();
        String port = (http.getScheme().equals("http") && http.getServerPort() == 80)
                || (http.getScheme().equals("https") && http.getServerPort() == 443) ? "" : ":" + http.getServerPort();
        return http.getScheme() + "://" + http.getServerName() + port + http.getContextPath() + "/";
    }
}
