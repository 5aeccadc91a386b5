package org.hymnsheet.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * With no trusted proxy configured (the default), X-Forwarded-For is ignored whoever sends it, even from the
 * loopback or a private network that Tomcat and Spring Boot would otherwise trust: a client cannot pick the
 * address its wrong codes and failed sign-ins are counted under.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:untrusted-forwarded;DB_CLOSE_DELAY=-1")
@Import(ClientAddressProbe.class)
class UntrustedForwardedHeadersTest {
    @LocalServerPort int port;

    @Test
    void x_forwarded_for_from_a_peer_that_is_not_a_trusted_proxy_is_ignored() throws Exception {
        assertThat(ClientAddressProbe.seen(port, "198.51.100.23")).isEqualTo("127.0.0.1 http");
        assertThat(ClientAddressProbe.seen(port, "2001:db8::1, 10.0.0.1")).isEqualTo("127.0.0.1 http");
    }
}
