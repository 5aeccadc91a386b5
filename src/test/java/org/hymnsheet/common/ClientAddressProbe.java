package org.hymnsheet.common;

import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * For the HTTP tests of forwarded headers: a test-only address that answers with the client address the app sees
 * (what sign-in and {@code ClientKeys} count by), in front of everything else.
 */
@TestConfiguration
class ClientAddressProbe {
    static final String PATH = "/test-only/client-address";

    @Bean
    FilterRegistrationBean<Filter> clientAddressProbe() {
        Filter probe = (request, response, chain) -> {
            response.setContentType("text/plain");
            response.getWriter().write(request.getRemoteAddr() + " " + request.getScheme());
        };
        var registration = new FilterRegistrationBean<>(probe);
        registration.addUrlPatterns(PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** What the app sees for a request from this machine carrying these X-Forwarded-For and -Proto headers. */
    static String seen(int port, String forwardedFor) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("X-Forwarded-For", forwardedFor).header("X-Forwarded-Proto", "https").GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
