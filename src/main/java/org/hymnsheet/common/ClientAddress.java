package org.hymnsheet.common;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The key under which a client's wrong codes and failed sign-ins are counted: its network, hashed, so no plain
 * address is ever held. An IPv4 address counts on its own; an IPv6 address counts with its whole /64, because one
 * household or phone is given a /64 and may pick a new address inside it for every request.
 */
public final class ClientAddress {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String UNKNOWN = "unknown";

    private ClientAddress() {}

    /** The counting key of this client address (as the servlet container reports it). */
    public static String key(String address) {
        return Codes.sha256Hex(network(address));
    }

    /** {@code v4:a.b.c.d}, {@code v6:<first 64 bits in hex>/64}; anything else counts as itself. */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return UNKNOWN;
        }
        InetAddress parsed = literal(address);
        if (parsed instanceof Inet4Address v4) {
            return "v4:" + v4.getHostAddress();
        }
        if (parsed instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            return "v6:" + HexFormat.of().formatHex(bytes, 0, 8) + "/64";
        }
        return "other:" + address;
    }

    /** Parses an address literal without ever asking DNS: anything else is not an address. */
    static InetAddress literal(String address) {
        if (address.length() > 100) {
            return null;
        }
        String a = address.strip();
        try {
            if (a.indexOf(':') >= 0) {
                // brackets make the JDK treat it as an IPv6 literal only, never as a host name to look up
                String inner = a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
                return InetAddress.getByName("[" + inner + "]");
            }
            if (!IPV4.matcher(a).matches()) {
                return null;
            }
            String[] parts = a.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return null;
        }
    }
}
