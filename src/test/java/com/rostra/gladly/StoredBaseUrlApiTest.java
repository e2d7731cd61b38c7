package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Simulators;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Gladly address is checked at every use, not only when saved: a stored row pointing at an address Rostra would
 * refuse today (an internal one) stops the sync with a reason instead of making the call.
 */
class StoredBaseUrlApiTest extends ApiTest {

    @Test
    void aStoredAddressThatIsNoLongerAllowedStopsTheSyncWithItsReason() {
        try (GladlySimulator sim = Simulators.start(99, 50)) {
            TestCompany c = newCompany();
            Instant before = now();
            connect(c, sim, 1);
            Simulators.assertHealthy(Simulators.awaitSettled(http, c, before));

            jdbc.sql("update gladly_connections set base_url = 'http://10.1.2.3/api/v1' where company_id = ?").param(c.id()).update();
            assertThat(http.post("/api/v1/integrations/gladly/sync", c.auth(), Map.of()).status()).isEqualTo(202);
            JsonNode[] status = new JsonNode[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                status[0] = http.get("/api/v1/integrations/gladly", c.auth()).json();
                return status[0].get("status").asString().equals("invalid");
            });
            assertThat(status[0].get("last_error").get("code").asString()).isEqualTo("base_url_not_allowed");
            assertThat(status[0].get("last_error").get("hint").asString()).contains("connect again");
        }
    }
}
