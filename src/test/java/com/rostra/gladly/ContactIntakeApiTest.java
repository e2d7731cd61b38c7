package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.simulator.SimContact;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.Simulators;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Connect, backfill and sync against the Gladly simulator, asserting through the API and the database. */
class ContactIntakeApiTest extends ApiTest {

    /**
     * One simulated organization per test (same seed, so the same contacts): Gladly's Reports limit (10 a minute) is
     * per organization, and with one organization for the whole class the second sync of a test waited up to a minute
     * for the reports earlier tests' companies had made.
     */
    GladlySimulator sim;

    /** The seed's channel table, written out here so the test does not ask the code under test for its answer. */
    private static final Map<String, String> SEED_CHANNELS = Map.of("PHONE_CALL", "phone", "VOICEMAIL", "phone",
            "ABANDONED_CALL", "phone", "EMAIL", "email", "CHAT", "chat", "SMS", "sms", "FB_MESSENGER", "social",
            "WHATSAPP", "social", "INSTAGRAM_DIRECT", "social", "TWITTER", "social");

    @BeforeEach
    void startSimulator() {
        sim = Simulators.start(21, 700);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private TestCompany connected(int backfillDays) {
        TestCompany company = newCompany("America/New_York");
        Instant before = now();
        Http.Response r = connect(company, sim, backfillDays);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Simulators.assertHealthy(Simulators.awaitSettled(http, company, before));
        return company;
    }

    private Set<String> storedIds(TestCompany company) {
        return new HashSet<>(jdbc.sql("select external_id from contacts where company_id = ?").param(company.id())
                .query(String.class).list());
    }

    private List<SimContact> simulatorContacts(TestCompany company) {
        Map<String, Object> row = jdbc.sql("select backfill_start, contacts_checkpoint from gladly_connections where company_id = ?")
                .param(company.id()).query().singleRow();
        Instant from = ((java.time.OffsetDateTime) jdbc.sql("select backfill_start from gladly_connections where company_id = ?")
                .param(company.id()).query(java.time.OffsetDateTime.class).single()).toInstant();
        Instant to = jdbc.sql("select contacts_checkpoint from gladly_connections where company_id = ?")
                .param(company.id()).query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(row).isNotEmpty();
        return sim.organization().contactsQueuedBetween(from, to, now());
    }

    @Test
    void backfillPullsEveryContactExactlyOnceAndIncrementalSyncAddsNoDuplicates() {
        TestCompany company = connected(5);
        Set<String> expected = simulatorContacts(company).stream().map(SimContact::id).collect(Collectors.toSet());
        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(storedIds(company)).isEqualTo(expected);

        JsonNode status = http.get("/api/v1/integrations/gladly", company.auth()).json();
        assertThat(status.get("contacts_synced").asLong()).isEqualTo(expected.size());
        assertThat(status.get("backfill_percent").asInt()).isEqualTo(100);
        assertThat(status.get("agents_synced_at").isNull()).isFalse();

        Instant before = now();
        assertThat(http.post("/api/v1/integrations/gladly/sync", company.auth(), Map.of()).status()).isEqualTo(202);
        Simulators.assertHealthy(Simulators.awaitSettled(http, company, before));
        // The second sync re-reads its trailing window: what is stored is still exactly the simulator's contacts up
        // to the new checkpoint, the first sync's included.
        assertThat(storedIds(company)).containsAll(expected)
                .isEqualTo(simulatorContacts(company).stream().map(SimContact::id).collect(Collectors.toSet()));
        assertThat(http.get("/api/v1/integrations/gladly", company.auth()).json().get("contacts_synced").asLong())
                .isEqualTo(storedIds(company).size());

        // The public API pages through the same contacts.
        Set<String> paged = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = http.get("/api/v1/contacts?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor), company.auth()).json();
            page.get("contacts").forEach(c -> paged.add(c.get("external_id").asString()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null);
        assertThat(paged).isEqualTo(storedIds(company));
    }

    @Test
    void everyChannelAndStatusIsMappedAsTheSeedSays() {
        // Reports are read during the sync: a contact that ended while it ran may be stored either way.
        Instant syncStarted = now();
        TestCompany company = connected(3);
        Instant syncSettled = now();
        Map<String, SimContact> truth = simulatorContacts(company).stream().collect(Collectors.toMap(SimContact::id, c -> c));
        Map<String, String> inboxNames = sim.organization().inboxes().stream()
                .collect(Collectors.toMap(i -> i.id(), i -> i.name()));
        Map<String, String> firstChannelOfConversation = new java.util.HashMap<>();
        truth.values().stream().sorted(java.util.Comparator.comparing(SimContact::queuedAt))
                .forEach(c -> firstChannelOfConversation.putIfAbsent(c.conversationId(), c.channel()));
        Set<String> gladlyChannels = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        jdbc.sql("select * from contacts where company_id = ?").param(company.id()).query(rs -> {
            SimContact c = truth.get(rs.getString("external_id"));
            String expectedOwn = SEED_CHANNELS.get(c.channel());
            gladlyChannels.add(c.channel());
            assertThat(rs.getString("gladly_channel")).isEqualTo(c.channel());
            assertThat(rs.getString("contact_channel")).isEqualTo(expectedOwn);
            String first = firstChannelOfConversation.get(c.conversationId());
            assertThat(rs.getString("channel")).as("channel of the conversation's first message")
                    .isEqualTo(SEED_CHANNELS.get(first));
            if (c.endedBy(syncStarted)) {
                statuses.add(c.status());
                assertThat(rs.getString("gladly_status")).isEqualTo(c.status());
                assertThat(rs.getString("status")).isEqualTo(c.status().equals("ANSWERED") ? "solved" : "open");
                assertThat(rs.getObject("ended_at", java.time.OffsetDateTime.class).toInstant()).isEqualTo(c.endedAt());
            } else if (!c.endedBy(syncSettled)) {
                assertThat(rs.getString("status")).isEqualTo("open");
            }
            if (c.fulfilledBy(syncStarted)) {
                Instant fulfilled = rs.getObject("first_responded_at", java.time.OffsetDateTime.class).toInstant();
                assertThat(fulfilled).isEqualTo(c.fulfilledAt());
                assertThat(rs.getInt("first_response_duration"))
                        .isEqualTo((int) Duration.between(c.queuedAt(), c.fulfilledAt()).getSeconds());
            }
            assertThat(rs.getString("inbox_when_queued")).isEqualTo(inboxNames.get(c.inboxWhenQueued()));
            assertThat(rs.getString("direction")).isEqualTo(c.direction());
        });
        assertThat(gladlyChannels).contains("PHONE_CALL", "VOICEMAIL", "EMAIL", "CHAT", "SMS", "FB_MESSENGER", "WHATSAPP");
        assertThat(statuses).contains("ANSWERED", "ABANDONED", "UNANSWERED", "UNKNOWN");
        long multiChannel = jdbc.sql("select count(*) from contacts where company_id = ? and channel <> contact_channel")
                .param(company.id()).query(Long.class).single();
        assertThat(multiChannel).as("some conversations span channels").isPositive();
    }

    @Test
    void callSlaComesFromTheCallItemsRingAndAnswerTimes() {
        TestCompany company = connected(2);
        List<Map<String, Object>> checked = jdbc.sql("""
                select external_id, conversation_id, answer_wait_seconds, call_started_at, answered_at from contacts
                where company_id = ? and call_times_checked = true and call_started_at is not null""")
                .param(company.id()).query().listOfRows();
        assertThat(checked).hasSizeGreaterThanOrEqualTo(10);
        Http gladly = new Http("http://127.0.0.1:" + sim.port());
        String auth = Http.basic(sim.config().apiUserEmail(), sim.config().apiToken());
        for (Map<String, Object> row : checked.subList(0, 3)) {
            // The simulator's 10/s is shared with Rostra's own syncs of other test companies: retry a 429, boundedly.
            Http.Response[] last = new Http.Response[1];
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(150)).until(() -> {
                last[0] = gladly.get("/api/v1/conversations/" + row.get("conversation_id") + "/items", auth);
                return last[0].status() != 429;
            });
            Http.Response r = last[0];
            JsonNode items = r.json();
            JsonNode call = null;
            for (JsonNode item : items) {
                if (item.get("id").asString().startsWith((String) row.get("external_id"))) call = item.get("content");
            }
            assertThat(call).as(items.toString()).isNotNull();
            assertThat(call.has("answeredAt")).as(items + " / " + row).isTrue();
            long expected = Duration.between(Instant.parse(call.get("startedAt").asString()),
                    Instant.parse(call.get("answeredAt").asString())).getSeconds();
            assertThat(((Number) row.get("answer_wait_seconds")).longValue()).isEqualTo(expected);
        }
        JsonNode contacts = http.get("/api/v1/contacts?channel=phone&limit=1000", company.auth()).json().get("contacts");
        assertThat(contacts).anySatisfy(c -> assertThat(c.get("answered_at").isNull()).isFalse());
    }

    @Test
    void tokenIsEncryptedAtRestAndNeverShown() {
        TestCompany company = connected(1);
        String stored = jdbc.sql("select token_ciphertext from gladly_connections where company_id = ?")
                .param(company.id()).query(String.class).single();
        assertThat(stored).doesNotContain(sim.config().apiToken());
        assertThat(http.get("/api/v1/integrations/gladly", company.auth()).body()).doesNotContain(sim.config().apiToken());
    }

    @Test
    void badCredentialsAreRejectedWithGladlysReasonAndNothingIsSaved() {
        TestCompany company = newCompany();
        Map<String, Object> body = Simulators.connectBody(sim, 1);
        body.put("api_token", "wrong");
        Http.Response wrong = http.put("/api/v1/integrations/gladly", company.auth(), body);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("detail").asString()).contains("401");
        assertThat(wrong.body()).doesNotContain("wrong\"");

        body.put("username", sim.config().agentUserEmail());
        body.put("api_token", sim.config().agentUserToken());
        Http.Response noPermission = http.put("/api/v1/integrations/gladly", company.auth(), body);
        assertThat(noPermission.status()).isEqualTo(422);
        assertThat(noPermission.json().get("detail").asString()).contains("API User");

        Map<String, Object> otherOrg = Simulators.connectBody(sim, 1);
        otherOrg.put("base_url", "http://127.0.0.1:" + sim.port() + "/o/not-acme/api/v1");
        assertThat(http.put("/api/v1/integrations/gladly", company.auth(), otherOrg).json().get("gladly_status").asInt()).isEqualTo(404);

        Map<String, Object> internal = Simulators.connectBody(sim, 1);
        internal.put("base_url", "http://10.1.2.3/api/v1");
        Http.Response ssrf = http.put("/api/v1/integrations/gladly", company.auth(), internal);
        assertThat(ssrf.status()).isEqualTo(400);
        assertThat(ssrf.json().get("errors").get(0).get("field").asString()).isEqualTo("base_url");

        Map<String, Object> missing = Simulators.connectBody(sim, 1);
        missing.remove("api_token");
        assertThat(http.put("/api/v1/integrations/gladly", company.auth(), missing).json().get("errors").get(0)
                .get("field").asString()).isEqualTo("api_token");

        assertThat(http.get("/api/v1/integrations/gladly", company.auth()).json().get("status").asString()).isEqualTo("not_connected");
        assertThat(jdbc.sql("select count(*) from gladly_connections where company_id = ?").param(company.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void revokedTokenMarksSyncInvalidUntilReauthorized() {
        TestCompany company = connected(1);
        sim.faults().revokeToken(true);
        try {
            Instant before = now();
            http.post("/api/v1/integrations/gladly/sync", company.auth(), Map.of());
            JsonNode status = Simulators.awaitSettled(http, company, before);
            assertThat(status.get("status").asString()).isEqualTo("invalid");
            assertThat(status.get("last_error").get("code").asString()).isEqualTo("permissions");
            assertThat(status.get("last_error").get("message").asString()).contains("no longer has API access");
            assertThat(status.get("last_error").get("hint").asString()).contains("re-authorize");
        } finally {
            sim.faults().revokeToken(false);
        }
        Instant before = now();
        assertThat(connect(company, sim, 1).status()).isEqualTo(200);
        JsonNode after = Simulators.awaitSettled(http, company, before);
        Simulators.assertHealthy(after);
        assertThat(after.get("last_error").isNull()).isTrue();
    }

    @Test
    void disconnectKeepsDataAndStopsSyncing() {
        TestCompany company = connected(1);
        long before = storedIds(company).size();
        assertThat(http.delete("/api/v1/integrations/gladly", company.auth()).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/integrations/gladly", company.auth()).json().get("status").asString()).isEqualTo("not_connected");
        assertThat(jdbc.sql("select token_ciphertext from gladly_connections where company_id = ?").param(company.id())
                .query(String.class).single()).as("the token goes with the connection").isEmpty();
        assertThat(storedIds(company)).hasSize((int) before);
        assertThat(http.post("/api/v1/integrations/gladly/sync", company.auth(), Map.of()).status()).isEqualTo(400);
    }

    @Test
    void oneCompanyCannotReadAnothersContacts() {
        TestCompany a = connected(1);
        TestCompany b = newCompany();
        String someId = storedIds(a).iterator().next();
        assertThat(http.get("/api/v1/contacts?limit=1000", b.auth()).json().get("contacts")).isEmpty();
        assertThat(http.get("/api/v1/contacts?limit=1000", b.auth()).body()).doesNotContain(someId);
        JsonNode volume = http.get("/api/v1/volume?start=2020-01-01T00:00:00Z&end=2030-01-01T00:00:00Z&interval=1d&group_by=queue",
                b.auth()).json();
        assertThat(volume.get("intervals")).allSatisfy(i -> assertThat(i.get("count").asLong()).isZero());
        assertThat(http.get("/api/v1/integrations/gladly", b.auth()).json().get("status").asString()).isEqualTo("not_connected");
    }
}
