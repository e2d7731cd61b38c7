package com.rostra.tenancy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static com.rostra.support.GladlyEventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/** A webhook key is what goes into Gladly: it delivers events and can read nothing of the company API. */
class ApiKeyScopesApiTest extends ApiTest {

    @Test
    void aWebhookKeyDeliversEventsButIsRefusedOnTheApi() {
        TestCompany c = newCompany();
        Http.Response created = http.post("/api/v1/api-keys", c.auth(), Map.of("name", "Gladly webhook", "scope", "webhook"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("scope").asString()).isEqualTo("webhook");
        String webhookKey = created.json().get("key").asString();

        assertThat(http.post("/webhooks/gladly", Http.basic(webhookKey, webhookKey),
                event("AGENT_STATUS/LOGGED_IN", "scoped-agent", now(), Map.of())).status()).isEqualTo(200);
        Http.Response api = http.get("/api/v1/people", Http.key(webhookKey));
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.body()).contains("webhook");
        assertThat(http.post("/api/v1/api-keys", Http.key(webhookKey), Map.of("name", "escalate")).status()).isEqualTo(403);

        // The company's API keys keep working on the webhook, as customers paste one there today.
        assertThat(http.post("/webhooks/gladly", Http.basic(c.apiKey(), c.apiKey()),
                event("AGENT_STATUS/LOGGED_IN", "scoped-agent-2", now(), Map.of())).status()).isEqualTo(200);
        JsonNode keys = http.get("/api/v1/api-keys", c.auth()).json();
        assertThat(keys).extracting(k -> k.get("scope").asString()).containsExactlyInAnyOrder("api", "webhook");
        assertThat(http.post("/api/v1/api-keys", c.auth(), Map.of("name", "x", "scope", "root")).json()
                .get("errors").get(0).get("field").asString()).isEqualTo("scope");
    }

    @Test
    void theIntegrationsPageCreatesAWebhookKey() {
        TestCompany c = newCompany();
        com.rostra.support.PageSession admin = com.rostra.support.PageSession.signIn(port, addUser(c, "admin", "Ada"), USER_PASSWORD);
        assertThat(admin.get("/settings/integrations")).contains("id=\"create-webhook-key\"");
        admin.post("/settings/api-keys", Map.of("name", "Gladly webhook", "scope", "webhook"));
        String page = admin.get("/settings/api-keys");
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("id=\"new-key-value\">(rk_[^<]+)<").matcher(page);
        assertThat(shown.find()).as("the new key is shown once").isTrue();
        assertThat(page).contains("Gladly webhook only");
        assertThat(http.get("/api/v1/people", Http.key(shown.group(1))).status()).isEqualTo(403);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        TestCompany c = newCompany();
        JsonNode key = http.post("/api/v1/api-keys", c.auth(), Map.of("name", "short-lived")).json();
        String k = key.get("key").asString();
        assertThat(http.get("/api/v1/people", Http.key(k)).status()).as("used, so cached").isEqualTo(200);
        assertThat(http.delete("/api/v1/api-keys/" + key.get("id").asLong(), c.auth()).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/people", Http.key(k)).status()).isEqualTo(401);
    }
}
