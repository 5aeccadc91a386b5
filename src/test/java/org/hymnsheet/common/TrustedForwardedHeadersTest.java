package org.hymnsheet.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Behind a configured proxy (here this machine's loopback, as {@code hymnsheet.trusted-proxies}), the client
 * address is the one the proxy names in X-Forwarded-For, and X-Forwarded-Proto says the client used https. Only
 * the proxy's own entry is believed: an address the client itself put further left is not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:trusted-forwarded;DB_CLOSE_DELAY=-1",
        "hymnsheet.trusted-proxies=127.0.0.1/32, ::1/128"})
@Import(ClientAddressProbe.class)
class TrustedForwardedHeadersTest {
    @LocalServerPort int port;

    @Test
    void x_forwarded_for_from_a_trusted_proxy_names_the_client() throws Exception {
        assertThat(ClientAddressProbe.seen(port, "198.51.100.23")).isEqualTo("198.51.100.23 https");
    }

    @Test
    void an_address_the_client_forged_left_of_the_one_the_proxy_added_is_not_believed() throws Exception {
        assertThat(ClientAddressProbe.seen(port, "10.9.9.9, 198.51.100.23")).isEqualTo("198.51.100.23 https");
    }
}
