package com.rostra.agents;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.Simulators;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PeopleApiTest extends ApiTest {

    static GladlySimulator sim;

    @BeforeAll
    static void start() {
        sim = Simulators.start(51, 100);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void createUpdateDeleteWithValidation() {
        TestCompany c = newCompany();
        Http.Response created = http.post("/api/v1/people", c.auth(), Map.of("first_name", "Ada", "last_name", "Lovelace",
                "email", "Ada@Example.com", "role", "agent", "staffable", true, "channels", List.of("phone", "email"),
                "team", "Phones", "time_zone", "Europe/London"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("email").asString()).isEqualTo("ada@example.com");

        assertThat(http.post("/api/v1/people", c.auth(), Map.of("first_name", "Again", "email", "ada@example.com")).status()).isEqualTo(409);
        Http.Response bad = http.post("/api/v1/people", c.auth(), Map.of("first_name", "", "email", "nope",
                "channels", List.of("fax"), "time_zone", "Mars/Base", "start_date", "2026-13-40"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString())
                .contains("first_name", "email", "channels", "time_zone", "start_date");

        Http.Response patched = http.send("PATCH", "/api/v1/people/" + id, c.auth(), Map.of("team", "Digital", "staffable", false));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("team").asString()).isEqualTo("Digital");
        assertThat(patched.json().get("staffable").asBoolean()).isFalse();
        assertThat(patched.json().get("channels")).hasSize(2);

        TestCompany other = newCompany();
        assertThat(http.get("/api/v1/people/" + id, other.auth()).status()).isEqualTo(404);
        assertThat(http.send("PATCH", "/api/v1/people/" + id, other.auth(), Map.of("team", "Evil")).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/people/" + id, other.auth()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/people", other.auth()).json()).isEmpty();

        assertThat(http.delete("/api/v1/people/" + id, c.auth()).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/people/" + id, c.auth()).status()).isEqualTo(404);
    }

    @Test
    void csvImportReportsEveryBadRowAndImportsNothingUnlessPartial() {
        TestCompany c = newCompany();
        String csv = """
                first_name,last_name,email,role,staffable,channels,queue_ids,team,time_zone,gladly_agent_id,start_date
                Amy,Agent,amy@example.com,agent,true,phone;chat,,Phones,America/New_York,,2026-01-05
                Ben,Bad,not-an-email,agent,true,phone,,,,,
                Cleo,Dup,amy@example.com,agent,true,email,,,,,
                Dan,Date,dan@example.com,agent,maybe,email,,,,,2026-02-30
                Eve,Queue,eve@example.com,agent,true,email,42,,,,
                Fay,Fine,fay@example.com,lead,false,"email,chat",,Digital,,,
                """;
        Http.Response all = http.postRaw("/api/v1/people/import", c.auth(), "text/csv", csv);
        assertThat(all.status()).isEqualTo(422);
        JsonNode errors = all.json().get("errors");
        assertThat(errors).extracting(e -> e.get("row").asInt() + ":" + e.get("field").asString())
                .contains("3:email", "4:email", "5:staffable", "5:start_date", "6:queue_ids");
        assertThat(errors).anySatisfy(e -> assertThat(e.get("message").asString()).contains("duplicate of row 2"));
        assertThat(all.json().get("created").asInt()).isZero();
        assertThat(http.get("/api/v1/people", c.auth()).json()).isEmpty();

        Http.Response partial = http.postRaw("/api/v1/people/import?partial=true", c.auth(), "text/csv", csv);
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().get("created").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/people", c.auth()).json()).extracting(p -> p.get("email").asString())
                .containsExactlyInAnyOrder("amy@example.com", "fay@example.com");
        JsonNode fay = http.get("/api/v1/people", c.auth()).json().get(1);
        assertThat(fay.get("channels")).hasSize(2);

        Http.Response again = http.postRaw("/api/v1/people/import", c.auth(), "text/csv",
                "first_name,email,team\nAmy,amy@example.com,Escalations\n");
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);

        Http.Response badHeader = http.postRaw("/api/v1/people/import", c.auth(), "text/csv", "name,mail\nx,y\n");
        assertThat(badHeader.status()).isEqualTo(422);
        assertThat(badHeader.json().get("errors").get(0).get("row").asInt()).isEqualTo(1);

        Http.Response template = http.get("/api/v1/people/import/template", c.auth());
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.body()).startsWith("first_name,last_name,email");
        assertThat(http.postRaw("/api/v1/people/import", c.auth(), "text/csv", template.body()).status())
                .as("the template itself imports").isEqualTo(200);
    }

    @Test
    void addAgentsFromGladlyMatchedByEmailWithTeams() {
        TestCompany c = newCompany();
        Instant before = now();
        connect(c, sim, 1);
        Simulators.assertHealthy(Simulators.awaitSettled(http, c, before));

        JsonNode agents = http.get("/api/v1/gladly/agents", c.auth()).json();
        assertThat(agents).hasSize(20);
        assertThat(agents).allSatisfy(a -> assertThat(a.get("is_person").asBoolean()).isFalse());
        JsonNode first = agents.get(0);
        JsonNode second = agents.get(1);

        // Someone already in Rostra under the same email gets linked, not duplicated.
        http.post("/api/v1/people", c.auth(), Map.of("first_name", "Existing", "email", second.get("email").asString()));
        Http.Response added = http.post("/api/v1/people/from-gladly", c.auth(),
                Map.of("gladly_agent_ids", List.of(first.get("gladly_agent_id").asString(), second.get("gladly_agent_id").asString())));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("created")).hasSize(1);
        assertThat(added.json().get("matched")).hasSize(1);
        JsonNode createdPerson = added.json().get("created").get(0);
        assertThat(createdPerson.get("gladly_agent_id").asString()).isEqualTo(first.get("gladly_agent_id").asString());
        assertThat(createdPerson.get("team").asString()).isEqualTo(first.get("team").asString());

        Http.Response rest = http.post("/api/v1/people/from-gladly", c.auth(), Map.of("gladly_agent_ids", "all"));
        assertThat(rest.json().get("created")).hasSize(18);
        // Channels come from what each agent is available for in Gladly right now (VOICE → phone, MAIL → email, ...).
        Map<String, JsonNode> current = new java.util.HashMap<>();
        http.get("/api/v1/agent-states/current", c.auth()).json().forEach(s -> current.put(s.get("gladly_agent_id").asString(), s));
        int withChannels = 0;
        for (JsonNode p : rest.json().get("created")) {
            JsonNode state = current.get(p.get("gladly_agent_id").asString());
            String available = state == null || state.get("available_for") == null ? "[]" : state.get("available_for").toString();
            String channels = p.get("channels").toString();
            assertThat(channels.contains("phone")).as(available + " → " + channels).isEqualTo(available.contains("VOICE"));
            assertThat(channels.contains("email")).as(available + " → " + channels).isEqualTo(available.contains("MAIL"));
            assertThat(channels.contains("chat")).as(available + " → " + channels).isEqualTo(available.contains("MESSAGING"));
            if (!p.get("channels").isEmpty()) withChannels++;
        }
        assertThat(withChannels).as("the simulated agents on shift are available for something").isPositive();
        assertThat(http.get("/api/v1/people", c.auth()).json()).hasSize(20);
        assertThat(http.get("/api/v1/gladly/agents", c.auth()).json()).allSatisfy(a -> assertThat(a.get("is_person").asBoolean()).isTrue());

        assertThat(http.post("/api/v1/people/from-gladly", c.auth(), Map.of("gladly_agent_ids", List.of("nobody"))).status()).isEqualTo(400);
        assertThat(http.post("/api/v1/people/from-gladly", c.auth(), Map.of("gladly_agent_ids", 7)).status()).isEqualTo(400);
    }
}
