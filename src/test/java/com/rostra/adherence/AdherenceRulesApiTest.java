package com.rostra.adherence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.PageSession;
import com.rostra.support.ScheduleFixtures;

import tools.jackson.databind.JsonNode;

import static com.rostra.support.GladlyEventFixtures.event;
import static com.rostra.support.GladlyEventFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-activity-type rules through the API: a channel block needs availability for its channel, breaks need away or
 * logged out, and a company's own rules change the figures, the day timeline and the live badge (and only its own).
 */
class AdherenceRulesApiTest extends ApiTest {

    /** Yesterday 09:00 UTC on the suite's clock: wholly in the past. */
    private Instant nine() {
        return now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1)).plus(Duration.ofHours(9));
    }

    private Instant at(int minutesAfterNine) {
        return nine().plus(Duration.ofMinutes(minutesAfterNine));
    }

    private static Map<String, Object> available(String agent, Instant at, String... codes) {
        return event("AGENT_AVAILABILITY/UPDATED", agent, at, Map.of("availableFor", List.of(codes)));
    }

    private void deliver(TestCompany c, String agent, int states, String lastAvailability, List<Map<String, Object>> events) {
        for (Map<String, Object> e : events) {
            assertThat(http.post("/webhooks/gladly", Http.basic(c.apiKey(), c.apiKey()), e).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/agent-states?gladly_agent_id=" + agent
                + "&start=" + nine().minus(Duration.ofDays(1)) + "&end=" + now(), c.auth()).json().size() == states
                && http.get("/api/v1/agent-states/current", c.auth()).body().contains(lastAvailability));
    }

    private JsonNode adherence(TestCompany c, long person) {
        JsonNode r = http.get("/api/v1/adherence?start=" + at(0) + "&end=" + at(150) + "&person_id=" + person, c.auth()).json();
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    @Test
    void aChannelBlockNeedsAvailabilityForItsChannelAndRulesArePerCompany() {
        TestCompany c = newCompany();
        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", 0)).status()).isEqualTo(200);
        long p = http.post("/api/v1/people", c.auth(), Map.of("first_name", "Cy", "email", "cy@example.com",
                "gladly_agent_id", "cy")).json().get("id").asLong();
        ScheduleFixtures.schedule(http, c, p, "Phone", at(0), at(60));
        ScheduleFixtures.schedule(http, c, p, "Email", at(60), at(120));
        ScheduleFixtures.schedule(http, c, p, "Lunch", at(120), at(150));
        // Active from 09:00; available for email only until 09:30, then phone and email, from 10:30 phone only;
        // away for lunch at 11:00.
        deliver(c, "cy", 2, "\"VOICE\"]", List.of(
                event("AGENT_STATUS/LOGGED_IN", "cy", at(0), Map.of()),
                available("cy", at(0), "MAIL"),
                available("cy", at(30), "VOICE", "MAIL"),
                available("cy", at(90), "VOICE"),
                event("AGENT_STATUS/WENT_AWAY", "cy", at(120), Map.of("awayReason", reason("Lunch")))));

        // Phone 09:00-09:30 email-only: out (30). Phone 09:30-10:00: in. Email 10:00-10:30: in; 10:30-11:00
        // phone-only: out (30). Lunch away: in. 90 of 150 in; productive 60 of 120; worked 120 of 120.
        JsonNode a = adherence(c, p);
        assertThat(a.get("scheduled_seconds").asLong()).isEqualTo(150 * 60);
        assertThat(a.get("in_adherence_seconds").asLong()).isEqualTo(90 * 60);
        assertThat(a.get("adherence").asDouble()).isEqualTo(0.6);
        assertThat(a.get("productive_adherence").asDouble()).isEqualTo(0.5);
        assertThat(a.get("conformance").asDouble()).as("worked is worked, whatever the channel").isEqualTo(1.0);

        String date = java.time.LocalDate.ofInstant(nine(), java.time.ZoneOffset.UTC).toString();
        JsonNode day = http.get("/api/v1/adherence/timeline?person_id=" + p + "&date=" + date, c.auth()).json();
        assertThat(day.get("out_of_adherence")).extracting(s -> s.get("start").asString() + "/" + s.get("end").asString())
                .containsExactly(at(0) + "/" + at(30), at(90) + "/" + at(120));

        JsonNode defaults = http.get("/api/v1/adherence-settings", c.auth()).json().get("activity_rules");
        JsonNode phone = rule(defaults, "Phone");
        assertThat(phone.get("satisfied_by")).extracting(JsonNode::asString).containsExactly("productive");
        assertThat(phone.get("requires_channel").asBoolean()).isTrue();
        assertThat(phone.get("customized").asBoolean()).isFalse();
        assertThat(rule(defaults, "Lunch").get("satisfied_by")).extracting(JsonNode::asString).containsExactly("state:away", "state:logged_out");
        assertThat(defaults).extracting(r -> r.get("activity_type").asString()).doesNotContain("Time off");

        // Phone without the channel check; lunch satisfied only by a state mapped to Break (so away for Lunch is out).
        Http.Response put = http.put("/api/v1/adherence-settings", c.auth(), Map.of("activity_rules", List.of(
                Map.of("activity_type", "phone", "satisfied_by", List.of("productive"), "requires_channel", false),
                Map.of("activity_type", "Lunch", "satisfied_by", List.of("mapped:Break")))));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(rule(put.json().get("activity_rules"), "Phone").get("customized").asBoolean()).isTrue();
        assertThat(rule(put.json().get("activity_rules"), "Email").get("customized").asBoolean()).isFalse();
        assertThat(put.json().get("grace_seconds").asInt()).as("kept").isEqualTo(0);
        // Phone all in (60), email 30 in, lunch out: 90 of 150 again, but made up differently.
        a = adherence(c, p);
        assertThat(a.get("in_adherence_seconds").asLong()).isEqualTo(90 * 60);
        assertThat(a.get("productive_adherence").asDouble()).as("90 of 120").isEqualTo(0.75);
        day = http.get("/api/v1/adherence/timeline?person_id=" + p + "&date=" + date, c.auth()).json();
        assertThat(day.get("out_of_adherence")).extracting(s -> s.get("start").asString() + "/" + s.get("end").asString())
                .containsExactly(at(90) + "/" + at(150));

        // Bad rules: each named, nothing changed.
        Http.Response bad = http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", 60, "activity_rules", List.of(
                Map.of("activity_type", "Nope", "satisfied_by", List.of("productive")),
                Map.of("activity_type", "Time off", "satisfied_by", List.of("state:away")),
                Map.of("activity_type", "Break", "satisfied_by", List.of("state:sleeping", "whatever")),
                Map.of("activity_type", "Chat", "satisfied_by", List.of()))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString()).containsExactly(
                "activity_rules[0].activity_type", "activity_rules[1].activity_type", "activity_rules[2].satisfied_by",
                "activity_rules[2].satisfied_by", "activity_rules[3].satisfied_by");
        JsonNode after = http.get("/api/v1/adherence-settings", c.auth()).json();
        assertThat(after.get("grace_seconds").asInt()).as("all or nothing").isEqualTo(0);
        assertThat(rule(after.get("activity_rules"), "Phone").get("customized").asBoolean()).isTrue();

        // Another company: its own defaults; its change leaves this company's rules alone.
        TestCompany other = newCompany();
        assertThat(rule(http.get("/api/v1/adherence-settings", other.auth()).json().get("activity_rules"), "Phone")
                .get("customized").asBoolean()).isFalse();
        assertThat(http.put("/api/v1/adherence-settings", other.auth(), Map.of("activity_rules", List.of())).status()).isEqualTo(200);
        assertThat(rule(http.get("/api/v1/adherence-settings", c.auth()).json().get("activity_rules"), "Lunch")
                .get("satisfied_by")).extracting(JsonNode::asString).containsExactly("mapped:Break");

        // An empty list puts every type back to its default.
        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("activity_rules", List.of())).status()).isEqualTo(200);
        assertThat(adherence(c, p).get("in_adherence_seconds").asLong()).isEqualTo(90 * 60);
        assertThat(adherence(c, p).get("productive_adherence").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aMappedRuleMustNameOneOfTheCompanysStateMappings() {
        TestCompany c = newCompany();
        // A typo: no state is mapped to "Brek", so the rule could never be met. 400 on that rule's field, nothing saved.
        Http.Response typo = http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", 30, "activity_rules", List.of(
                Map.of("activity_type", "Break", "satisfied_by", List.of("state:away")),
                Map.of("activity_type", "Lunch", "satisfied_by", List.of("state:logged_out", "mapped:Brek")))));
        assertThat(typo.status()).as(typo.body()).isEqualTo(400);
        assertThat(typo.json().get("errors")).extracting(e -> e.get("field").asString()).containsExactly("activity_rules[1].satisfied_by");
        assertThat(typo.json().get("errors").get(0).get("message").asString()).contains("mapped:Brek").contains("Break");
        JsonNode unchanged = http.get("/api/v1/adherence-settings", c.auth()).json();
        assertThat(unchanged.get("grace_seconds").asInt()).as("all or nothing").isEqualTo(120);
        assertThat(rule(unchanged.get("activity_rules"), "Break").get("customized").asBoolean()).isFalse();

        // The names are the company's own mappings' (any case): a mapping to "Coaching" makes mapped:coaching valid here,
        // and only here.
        Http.Response mapped = http.put("/api/v1/agent-state-mappings", c.auth(), List.of(
                Map.of("state", "away", "reason", "*", "activity_type", "Away", "productive", false),
                Map.of("state", "away", "reason", "Coaching", "activity_type", "Coaching", "productive", false),
                Map.of("state", "active", "reason", "*", "activity_type", "Productive", "productive", true)));
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        Map<String, Object> coaching = Map.of("activity_rules", List.of(
                Map.of("activity_type", "Meeting", "satisfied_by", List.of("mapped:coaching"))));
        Http.Response ok = http.put("/api/v1/adherence-settings", c.auth(), coaching);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(rule(ok.json().get("activity_rules"), "Meeting").get("satisfied_by")).extracting(JsonNode::asString)
                .containsExactly("mapped:coaching");
        TestCompany other = newCompany();
        Http.Response elsewhere = http.put("/api/v1/adherence-settings", other.auth(), coaching);
        assertThat(elsewhere.status()).as("another company has no Coaching mapping").isEqualTo(400);
        assertThat(elsewhere.json().get("errors").get(0).get("field").asString()).isEqualTo("activity_rules[0].satisfied_by");
        // Since this company's mappings were replaced, Break is no longer a mapped name here.
        Http.Response gone = http.put("/api/v1/adherence-settings", c.auth(), Map.of("activity_rules", List.of(
                Map.of("activity_type", "Lunch", "satisfied_by", List.of("mapped:Break")))));
        assertThat(gone.status()).isEqualTo(400);

        // The page form: the same check, the error beside the row, the typed value kept, nothing saved.
        PageSession lead = PageSession.signIn(port, addUser(c, "manager", "Lee Lead"), USER_PASSWORD);
        String page = lead.get("/adherence");
        assertThat(page).contains("id=\"adherence-rules-form\"").contains("Coaching");
        var bad = lead.post("/adherence/rules", Map.of("type", "Lunch", "satisfied_by", "state:away, mapped:Coachng",
                "requires_channel", "no"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"adherence-rules-error\"").contains("Nothing was saved")
                .contains("&#39;mapped:Coachng&#39; names no state mapping").contains("value=\"state:away, mapped:Coachng\"");
        JsonNode afterBad = http.get("/api/v1/adherence-settings", c.auth()).json();
        assertThat(rule(afterBad.get("activity_rules"), "Lunch").get("customized").asBoolean()).isFalse();
        assertThat(rule(afterBad.get("activity_rules"), "Meeting").get("customized").asBoolean()).as("kept").isTrue();
        var good = lead.post("/adherence/rules", Map.of("type", "Lunch", "satisfied_by", "state:away, mapped:Coaching",
                "requires_channel", "no"));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(302);
        JsonNode saved = http.get("/api/v1/adherence-settings", c.auth()).json();
        assertThat(rule(saved.get("activity_rules"), "Lunch").get("satisfied_by")).extracting(JsonNode::asString)
                .containsExactly("state:away", "mapped:Coaching");
        assertThat(rule(saved.get("activity_rules"), "Meeting").get("customized").asBoolean()).as("rows not posted keep their rule").isTrue();
    }

    @Test
    void replacingTheMappingsCannotLeaveAMappedRuleNamingNothing() {
        TestCompany c = newCompany();
        List<Map<String, Object>> withCoaching = List.of(
                Map.of("state", "away", "reason", "*", "activity_type", "Away", "productive", false),
                Map.of("state", "away", "reason", "Coaching", "activity_type", "Coaching", "productive", false),
                Map.of("state", "away", "reason", "Lunch", "activity_type", "Lunch", "productive", false),
                Map.of("state", "active", "reason", "*", "activity_type", "Productive", "productive", true));
        assertThat(http.put("/api/v1/agent-state-mappings", c.auth(), withCoaching).status()).isEqualTo(200);
        Http.Response rules = http.put("/api/v1/adherence-settings", c.auth(), Map.of("activity_rules", List.of(
                Map.of("activity_type", "Meeting", "satisfied_by", List.of("state:logged_out", "mapped:Coaching")),
                Map.of("activity_type", "Break", "satisfied_by", List.of("mapped:coaching", "mapped:Lunch")),
                Map.of("activity_type", "Lunch", "satisfied_by", List.of("mapped:Lunch")))));
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);

        // Dropping the Coaching mapping would leave Meeting's and Break's rules naming nothing: 400, each rule named,
        // nothing replaced. Lunch's rule is still satisfiable and is not named.
        Http.Response refused = http.put("/api/v1/agent-state-mappings", c.auth(), List.of(withCoaching.get(0),
                withCoaching.get(2), withCoaching.get(3)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).extracting(e -> e.get("field").asString()).containsOnly("mappings").hasSize(2);
        assertThat(errors).extracting(e -> e.get("message").asString()).anySatisfy(m -> assertThat(m)
                .contains("'Meeting'").contains("mapped:Coaching")).anySatisfy(m -> assertThat(m)
                .contains("'Break'").contains("mapped:coaching").doesNotContain("mapped:Lunch"));
        assertThat(http.get("/api/v1/agent-state-mappings", c.auth()).json().get("mappings"))
                .extracting(m -> m.get("activity_type").asString()).as("unchanged").contains("Coaching");
        // An empty list means the defaults, which map to no Coaching either.
        assertThat(http.put("/api/v1/agent-state-mappings", c.auth(), List.of()).status()).isEqualTo(400);
        // Another name for the same reason is fine as long as the named type stays mapped (any case).
        Http.Response renamed = http.put("/api/v1/agent-state-mappings", c.auth(), List.of(withCoaching.get(0),
                Map.of("state", "away", "reason", "1:1", "activity_type", "coaching", "productive", false),
                withCoaching.get(2), withCoaching.get(3)));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        // Another company's rules are not this company's concern.
        TestCompany other = newCompany();
        assertThat(http.put("/api/v1/agent-state-mappings", other.auth(), List.of(withCoaching.get(0), withCoaching.get(3)))
                .status()).isEqualTo(200);

        // The Agent states page (admins): removing the mapping is refused, the page says which rule it would break.
        PageSession lead = PageSession.signIn(port, addUser(c, "admin", "Ada Admin"), USER_PASSWORD);
        var remove = lead.post("/settings/agent-states", Map.of("state", "away", "reason", "1:1", "activityType", ""));
        assertThat(remove.statusCode()).isEqualTo(302);
        assertThat(lead.get("/settings/agent-states")).contains("Nothing was saved").contains("the adherence rule for &#39;Meeting&#39;")
                .contains("the adherence rule for &#39;Break&#39;");
        assertThat(http.get("/api/v1/agent-state-mappings", c.auth()).json().get("mappings"))
                .extracting(m -> m.get("reason").asString()).as("unchanged").contains("1:1");
        // Once the rules no longer name it, the same form removes the mapping.
        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("activity_rules", List.of(
                Map.of("activity_type", "Lunch", "satisfied_by", List.of("mapped:Lunch"))))).status()).isEqualTo(200);
        lead.post("/settings/agent-states", Map.of("state", "away", "reason", "1:1", "activityType", ""));
        assertThat(lead.get("/settings/agent-states")).contains("Mapping saved").doesNotContain("Nothing was saved");
        assertThat(http.get("/api/v1/agent-state-mappings", c.auth()).json().get("mappings"))
                .extracting(m -> m.get("reason").asString()).doesNotContain("1:1");
    }

    @Test
    void theLiveBadgeFollowsTheChannelRule() {
        TestCompany c = newCompany();
        long p = http.post("/api/v1/people", c.auth(), Map.of("first_name", "Di", "email", "di@example.com",
                "gladly_agent_id", "di")).json().get("id").asLong();
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        ScheduleFixtures.schedule(http, c, p, "Phone", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
        deliver(c, "di", 1, "\"MAIL\"]", List.of(event("AGENT_STATUS/LOGGED_IN", "di", now.minus(Duration.ofMinutes(30)), Map.of()),
                available("di", now.minus(Duration.ofMinutes(30)), "MAIL")));
        JsonNode row = http.get("/api/v1/agent-states/current", c.auth()).json().get(0);
        assertThat(row.get("scheduled_activity").asString()).isEqualTo("Phone");
        assertThat(row.get("in_adherence").asBoolean()).as("active, but for email only, on a phone block").isFalse();

        deliver(c, "di", 1, "\"VOICE\"]", List.of(available("di", now.minus(Duration.ofMinutes(1)), "VOICE")));
        assertThat(http.get("/api/v1/agent-states/current", c.auth()).json().get(0).get("in_adherence").asBoolean()).isTrue();

        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("activity_rules", List.of(
                Map.of("activity_type", "Phone", "satisfied_by", List.of("state:away"))))).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/agent-states/current", c.auth()).json().get(0).get("in_adherence").asBoolean())
                .as("this company counts only away as phone work now").isFalse();
    }

    private static JsonNode rule(JsonNode rules, String type) {
        for (JsonNode r : rules) if (r.get("activity_type").asString().equals(type)) return r;
        throw new AssertionError("no rule for " + type + " in " + rules);
    }
}
