package org.hymnsheet.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinRequest;
import org.hymnsheet.common.ui.ClientKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The key per-client limits count under: a whole IPv6 /64 is one client, an IPv4 address is one client. */
class ClientKeysTest {

    @AfterEach
    void noRequest() {
        CurrentInstance.clearAll();
    }

    static String keyOf(String remoteAddress) {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getRemoteAddr()).thenReturn(remoteAddress);
        CurrentInstance.set(VaadinRequest.class, request);
        return ClientKeys.current();
    }

    @Test
    void two_ipv6_addresses_in_one_slash_64_are_one_client() {
        assertThat(keyOf("2001:db8:1:2:0:0:0:a")).isEqualTo(keyOf("2001:db8:1:2:ffff:eeee:dddd:cccc"));
        assertThat(keyOf("2001:db8:1:2::1")).isEqualTo(keyOf("2001:0db8:0001:0002:0000:0000:0000:0001"));
    }

    @Test
    void another_slash_64_and_other_ipv4_addresses_are_other_clients() {
        assertThat(keyOf("2001:db8:1:2::1")).isNotEqualTo(keyOf("2001:db8:1:3::1"));
        assertThat(keyOf("192.0.2.1")).isNotEqualTo(keyOf("192.0.2.2"));
        assertThat(keyOf("::ffff:192.0.2.1")).as("an IPv4-mapped address is that IPv4 address")
                .isEqualTo(keyOf("192.0.2.1"));
    }

    @Test
    void the_key_holds_no_plain_address_and_a_host_name_is_never_looked_up() {
        assertThat(keyOf("192.0.2.1")).doesNotContain("192.0.2.1").hasSize(64);
        assertThat(ClientAddress.network("example.org")).isEqualTo("other:example.org");
        assertThat(ClientAddress.network("999.1.1.1")).isEqualTo("other:999.1.1.1");
        assertThat(ClientAddress.network(null)).isEqualTo("unknown");
    }

    @Test
    void trusted_proxies_must_be_written_as_address_ranges() {
        TrustedProxies.check("");
        TrustedProxies.check("10.0.0.5/32, fd00:1::/64,127.0.0.1/8");
        for (String wrong : new String[] {"10.0.0.5", "10.0.0.*", "10.0.0.5/33", "proxy.example/32", ".*"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustedProxies.check(wrong))
                    .as(wrong).isInstanceOf(IllegalStateException.class).hasMessageContaining("CIDR");
        }
    }
}
