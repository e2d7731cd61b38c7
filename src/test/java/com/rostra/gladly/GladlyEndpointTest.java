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

    @Test
    void aGladlyNameThatResolvesToAnInternalAddressIsRefused() {
        for (String internal : List.of("10.0.0.5", "127.0.0.1", "169.254.169.254", "192.168.1.10", "172.16.4.4",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.1.2.3")) {
            GladlyEndpoint.HostResolver dns = host -> new java.net.InetAddress[] {address("34.120.1.1"), address(internal)};
            assertThatThrownBy(() -> GladlyEndpoint.resolve(null, "https://acme.gladly.com/api/v1", strict, dns))
                    .as(internal).hasMessageContaining("internal address");
            assertThatThrownBy(() -> GladlyEndpoint.resolve("acme", null, strict, dns))
                    .as(internal).hasMessageContaining("internal address");
        }
        GladlyEndpoint.HostResolver publicDns = host -> new java.net.InetAddress[] {address("34.120.1.1"), address("2600:1f18::1")};
        assertThat(GladlyEndpoint.resolve(null, "https://acme.gladly.com/api/v1", strict, publicDns))
                .isEqualTo("https://acme.gladly.com/api/v1");
        GladlyEndpoint.HostResolver unknown = host -> { throw new java.net.UnknownHostException(host); };
        assertThat(GladlyEndpoint.resolve("acme", null, strict, unknown)).isEqualTo("https://acme.gladly.com/api/v1");
    }

    @Test
    void anOperatorAllowedHostMayBeInternalAndAHostPortEntryAllowsOnlyThatPort() {
        GladlyEndpoint.HostResolver loopback = host -> new java.net.InetAddress[] {address("127.0.0.1")};
        GladlyProperties onePort = props(List.of("sim.internal:8090", "[::1]:9000"));
        assertThat(GladlyEndpoint.resolve(null, "http://sim.internal:8090/api/v1", onePort, loopback))
                .isEqualTo("http://sim.internal:8090/api/v1");
        assertThatThrownBy(() -> GladlyEndpoint.resolve(null, "http://sim.internal:8091/api/v1", onePort, loopback))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> GladlyEndpoint.resolve(null, "http://sim.internal/api/v1", onePort, loopback))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(GladlyEndpoint.resolve(null, "http://[::1]:9000/api/v1", onePort, loopback)).isEqualTo("http://[::1]:9000/api/v1");
        assertThatThrownBy(() -> GladlyEndpoint.resolve(null, "http://[::1]:9001/api/v1", onePort, loopback))
                .isInstanceOf(InvalidRequestException.class);
        // A bare host allows every port, as before.
        assertThat(GladlyEndpoint.resolve(null, "http://127.0.0.1:1234/api/v1", simulator, loopback)).endsWith(":1234/api/v1");
    }

    private static java.net.InetAddress address(String literal) {
        try {
            return java.net.InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static GladlyProperties props(List<String> hosts) {
        return new GladlyProperties(hosts, null, null, 0, null, null, null, 0, 0, 0, null, -1, null, 0, null, null, null, null);
    }
}
