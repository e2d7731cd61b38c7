package com.rostra.gladly;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.rostra.platform.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GladlyEndpointTest {

    private final GladlyProperties strict = props(List.of());
    private final GladlyProperties simulator = props(List.of("127.0.0.1"));

    @Test
    void subdomainMeansGladlyCom() {
        assertThat(GladlyEndpoint.resolve("acme", null, strict)).isEqualTo("https://acme.gladly.com/api/v1");
        assertThat(GladlyEndpoint.resolve("acme.us-1", null, strict)).isEqualTo("https://acme.us-1.gladly.com/api/v1");
        assertThatThrownBy(() -> GladlyEndpoint.resolve("evil.com/x?", null, strict)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void baseUrlMustBeHttpsOnGladlyHostsUnlessTheOperatorAllowsMore() {
        assertThat(GladlyEndpoint.resolve(null, "https://acme.us-1.gladly.com/api/v1/", strict))
                .isEqualTo("https://acme.us-1.gladly.com/api/v1");
        assertThat(GladlyEndpoint.resolve(null, "https://acme.us-uat.gladly.qa/api/v1", strict)).endsWith("gladly.qa/api/v1");
        assertThatThrownBy(() -> GladlyEndpoint.resolve(null, "http://acme.gladly.com/api/v1", strict))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> GladlyEndpoint.resolve(null, "https://169.254.169.254/api/v1", strict))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> GladlyEndpoint.resolve(null, "https://gladly.com.evil.example/api/v1", strict))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> GladlyEndpoint.resolve(null, "http://127.0.0.1:8090/api/v1", strict))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(GladlyEndpoint.resolve(null, "http://127.0.0.1:8090/api/v1", simulator)).isEqualTo("http://127.0.0.1:8090/api/v1");
        assertThatThrownBy(() -> GladlyEndpoint.resolve(null, "https://acme.gladly.com/other", strict))
                .hasMessageContaining("/api/v1");
    }

    private static GladlyProperties props(List<String> hosts) {
        return new GladlyProperties(hosts, null, null, 0, null, null, null, 0, 0, 0, null, -1, null, 0, null, null, null);
    }
}
