package com.rostra.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.PageSession;
import com.rostra.support.ScheduleFixtures;
import com.rostra.support.Simulators;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One company's user or key aimed at another company's ids, on page routes and on the API routes that take ids
 * from the caller: never the other company's data, never a change to it.
 */
class PageIsolationTest extends ApiTest {

    record Victim(TestCompany company, long queue, String queueName, long person, long activity, long apiKeyId,
                  String apiKey, long customType) {}

    private Victim victim() {
        TestCompany a = newCompany();
        String queueName = "Victim queue " + a.id();
        long queue = http.post("/api/v1/queues", a.auth(), Map.of("name", queueName, "channels", List.of("chat")))
                .json().get("id").asLong();
        long person = http.post("/api/v1/people", a.auth(), Map.of("first_name", "Vic", "last_name", "Tim",
                "email", "vic-" + a.id() + "@example.com")).json().get("id").asLong();
        long type = typeId(a, "Phone");
        Instant start = LocalDate.of(2026, 11, 23).atTime(9, 0).toInstant(ZoneOffset.UTC);
        Http.Response activity = http.post("/api/v1/activities", a.auth(), Map.of("person_id", person, "activity_type_id", type,
                "start", start.toString(), "end", start.plusSeconds(3600).toString()));
        assertThat(activity.status()).as(activity.body()).isEqualTo(201);
        JsonNode key = http.post("/api/v1/api-keys", a.auth(), Map.of("name", "Second key")).json();
        long customType = http.post("/api/v1/activity-types", a.auth(), Map.of("name", "Secret project", "productive", true)).json().get("id").asLong();
        return new Victim(a, queue, queueName, person, activity.json().get("id").asLong(), key.get("id").asLong(),
                key.get("key").asString(), customType);
    }

    private long typeId(TestCompany c, String name) {
        return ScheduleFixtures.typeId(http, c, name);
    }

    private PageSession adminOf(TestCompany c) {
        return PageSession.signIn(port, addUser(c, "admin", "Mallory"), USER_PASSWORD);
    }

    @Test
    void pageRoutesWithAnotherCompanysIdsNeitherShowNorChangeIt() {
        Victim v = victim();
        TestCompany b = newCompany();
        PageSession mallory = adminOf(b);

        HttpResponse<String> edit = mallory.fetch("/settings/queues/" + v.queue());
        assertThat(edit.statusCode()).isEqualTo(404);
        assertThat(edit.body()).doesNotContain(v.queueName());

        mallory.post("/settings/queues/" + v.queue(), Map.of("name", "Hijacked"));
        mallory.post("/settings/queues/" + v.queue() + "/delete", Map.of());
        JsonNode queue = http.get("/api/v1/queues/" + v.queue(), v.company().auth()).json();
        assertThat(queue.get("name").asString()).isEqualTo(v.queueName());

        mallory.post("/schedules/activities/" + v.activity() + "/delete", Map.of("week", "2026-11-23"));
        assertThat(http.get("/api/v1/activities?start=2026-11-23T00:00:00Z&end=2026-11-24T00:00:00Z", v.company().auth()).json())
                .extracting(a -> a.get("id").asLong()).containsExactly(v.activity());

        mallory.post("/settings/api-keys/" + v.apiKeyId() + "/revoke", Map.of());
        assertThat(http.get("/api/v1/queues", Http.key(v.apiKey())).status()).as("the victim's key still works").isEqualTo(200);

        HttpResponse<String> timeline = mallory.fetch("/people/" + v.person() + "/timeline?date=2026-11-23");
        assertThat(timeline.statusCode()).as("another company's person's day").isEqualTo(404);
        assertThat(timeline.body()).doesNotContain("Vic Tim");
        assertThat(mallory.fetch("/realtime/table?queue=" + v.queue()).statusCode()).isEqualTo(200);

        // Their own pages never list the victim's things either.
        assertThat(mallory.fetch("/settings/queues").body()).doesNotContain(v.queueName());
        assertThat(mallory.fetch("/schedules?week=2026-11-23").body()).doesNotContain("Vic Tim").doesNotContain("Secret project");
        assertThat(mallory.fetch("/people").body()).doesNotContain("vic-" + v.company().id());
    }

    @Test
    void apiRoutesTakingIdsFromTheCallerStayInsideTheCallersCompany() {
        Victim v = victim();
        TestCompany b = newCompany();

        assertThat(http.get("/api/v1/agent-states?person_id=" + v.person(), b.auth()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/activity-types", b.auth()).body()).doesNotContain("Secret project");

        long bPerson = http.post("/api/v1/people", b.auth(), Map.of("first_name", "Bo", "email", "bo-" + b.id() + "@example.com"))
                .json().get("id").asLong();
        Instant start = Instant.parse("2026-11-24T09:00:00Z");
        Http.Response theirPerson = http.post("/api/v1/activities", b.auth(), Map.of("person_id", v.person(),
                "activity_type_id", typeId(b, "Phone"), "start", start.toString(), "end", start.plusSeconds(3600).toString()));
        assertThat(theirPerson.status()).isBetween(400, 404);
        Http.Response theirType = http.post("/api/v1/activities", b.auth(), Map.of("person_id", bPerson,
                "activity_type_id", v.customType(), "start", start.toString(), "end", start.plusSeconds(3600).toString()));
        assertThat(theirType.status()).isBetween(400, 404);
        assertThat(http.get("/api/v1/activities?start=2026-11-24T00:00:00Z&end=2026-11-25T00:00:00Z", v.company().auth()).json()).isEmpty();

        // A schedule import naming the victim's person is a row error, not an activity on their schedule.
        Http.Response imported = http.postRaw("/api/v1/activities/import", b.auth(), "text/csv",
                "person_email,activity_type,start,end\nvic-" + v.company().id() + "@example.com,Phone,2026-11-25T09:00:00Z,2026-11-25T10:00:00Z\n");
        assertThat(imported.status()).isEqualTo(422);
        assertThat(imported.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/activities?start=2026-11-25T00:00:00Z&end=2026-11-26T00:00:00Z", v.company().auth()).json()).isEmpty();

        // State mappings are per company.
        Http.Response put = http.put("/api/v1/agent-state-mappings", v.company().auth(), List.of(
                Map.of("state", "away", "reason", "Secret meeting", "activity_type", "Meeting", "productive", false)));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/agent-state-mappings", b.auth()).body()).doesNotContain("Secret meeting");
    }

    @Test
    void addingPeopleFromGladlyOnlyReachesTheCallersOwnGladlyAgents() {
        TestCompany a = newCompany();
        TestCompany b = newCompany();
        try (GladlySimulator sim = Simulators.start(83, 50)) {
            Instant before = now();
            connect(a, sim, 1);
            Simulators.assertHealthy(Simulators.awaitSettled(http, a, before));
            List<String> theirAgents = sim.organization().agents().stream().map(agent -> agent.id()).toList();
            Http.Response r = http.post("/api/v1/people/from-gladly", b.auth(), Map.of("gladly_agent_ids", theirAgents));
            assertThat(r.status()).isBetween(200, 422);
            assertThat(http.get("/api/v1/people", b.auth()).json()).isEmpty();
            assertThat(http.get("/api/v1/gladly/agents", b.auth()).json()).isEmpty();
            assertThat(http.post("/api/v1/people/from-gladly", a.auth(), Map.of("gladly_agent_ids", theirAgents.subList(0, 2)))
                    .status()).isEqualTo(200);
            assertThat(http.get("/api/v1/people", a.auth()).json()).hasSize(2);
        }
    }
}
