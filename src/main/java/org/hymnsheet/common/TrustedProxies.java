package org.hymnsheet.common;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks {@code hymnsheet.trusted-proxies} at start-up. Tomcat's RemoteIpValve reads the same value
 * ({@code server.tomcat.remoteip.internal-proxies}) as a list of CIDR ranges only when it contains a "/", and as a
 * regular expression otherwise, where "10.0.0.5" would also match "10a0b0c5" and a typo could trust everyone; so
 * anything but a list of CIDR ranges stops the app with a message that says what to write.
 */
@Component
class TrustedProxies {

    TrustedProxies(@Value("${hymnsheet.trusted-proxies:}") String ranges) {
        check(ranges);
    }

    static void check(String ranges) {
        if (ranges == null || ranges.isBlank()) {
            return;
        }
        for (String range : ranges.split(",")) {
            String r = range.strip();
            int slash = r.indexOf('/');
            InetAddress address = slash > 0 ? ClientAddress.literal(r.substring(0, slash)) : null;
            int bits = slash > 0 && r.substring(slash + 1).matches("\\d{1,3}") ? Integer.parseInt(r.substring(slash + 1)) : -1;
            int max = address instanceof Inet4Address ? 32 : 128;
            if (address == null || bits < 0 || bits > max) {
                throw new IllegalStateException("hymnsheet.trusted-proxies: '" + r + "' is not an address range. "
                        + "Write each proxy as a CIDR range, for example 10.0.0.5/32 or fd00:1::/64, separated by commas.");
            }
        }
    }
}
