package com.rostra.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.ScheduleFixtures;
import com.rostra.support.WeeklyChats;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** From chat requirements to generated shifts and published activities, through the HTTP API. */
class ScheduleGenerationApiTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @Autowired
    ContactStore store;

    @Autowired
    com.rostra.staffing.HandleTimes handleTimes;

    private JsonNode finished(TestCompany c, long id) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String s = http.get("/api/v1/schedule-generations/" + id, c.auth()).json().get("status").asString();
            return !s.equals("queued") && !s.equals("solving");
        });
        return http.get("/api/v1/schedule-generations/" + id, c.auth()).json();
    }

    private static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toOffsetDateTime().toString();
    }

    @Test
    void aDayOfChatDemandIsCoveredWithoutTouchingTimeOffThenPublishedOnce() {
        TestCompany c = newCompany(ZONE.getId());
        List<Long> staff = ScheduleFixtures.chatDemandAndAgents(http, store, c, ZONE, "ann", "bob", "cat", "dan");
        LocalDate monday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long ann = staff.get(0), bob = staff.get(1), cat = staff.get(2), dan = staff.get(3);
        // Dan is off all Monday; Cat may only work mornings.
        long off = http.post("/api/v1/time-off", c.auth(), Map.of("person_id", dan, "start", at(monday, 0), "end", at(monday.plusDays(1), 0)))
                .json().get("id").asLong();
        http.post("/api/v1/time-off/" + off + "/approve", c.auth(), Map.of());
        http.put("/api/v1/people/" + cat + "/contract", c.auth(), Map.of("availability",
                List.of(Map.of("day_of_week", "monday", "start", "06:00", "end", "14:00"))));

        Http.Response accepted = http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", monday.toString(),
                "end", monday.plusDays(1).toString(), "time_limit_seconds", 3));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        long id = accepted.json().get("id").asLong();

        TestCompany other = newCompany();
        assertThat(http.get("/api/v1/schedule-generations/" + id, other.auth()).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/schedule-generations/" + id + "/publish", other.auth(), Map.of()).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/schedule-generations/" + id + "/cancel", other.auth(), Map.of()).status()).isEqualTo(404);

        JsonNode done = finished(c, id);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("hard_violations").asInt()).isZero();
        assertThat(done.get("score").asString()).startsWith("0hard");
        // The score explained: every rule that costs something, none of them hard.
        assertThat(done.get("constraints")).isNotEmpty().allSatisfy(k -> assertThat(k.get("hard").asLong()).isZero());
        long soft = done.get("constraints").valueStream().mapToLong(k -> k.get("soft").asLong()).sum();
        assertThat(done.get("score").asString()).isEqualTo("0hard/" + soft + "soft");
        JsonNode coverage = done.get("coverage");
        assertThat(coverage.get("required_agent_hours").asDouble()).isPositive();
        assertThat(coverage.get("scheduled_agent_hours").asDouble()).isPositive();
        assertThat(coverage.get("understaffed_agent_hours").asDouble()).isLessThan(coverage.get("required_agent_hours").asDouble());
        assertThat(coverage.get("intervals").size()).as("one chat row per quarter hour").isEqualTo(96);
        assertThat(coverage.get("intervals").get(0).get("channel").asString()).isEqualTo("chat");
        assertThat(coverage.get("expected_service_level").asDouble()).as("chat is live: Erlang C on the scheduled agents").isBetween(0.0, 1.0);
        assertThat(coverage.get("intervals").valueStream().filter(i -> i.get("forecast_volume").asDouble() > 0).toList())
                .isNotEmpty().allSatisfy(i -> assertThat(i.get("expected_service_level").isNumber()).isTrue());

        JsonNode shifts = done.get("shifts");
        assertThat(shifts.size()).isBetween(1, 3);
        for (JsonNode s : shifts) {
            long who = s.get("person_id").asLong();
            assertThat(who).as("Dan is on approved time off").isNotEqualTo(dan);
            Instant start = Instant.parse(s.get("start").asString());
            Instant end = Instant.parse(s.get("end").asString());
            if (who == cat) assertThat(end).isBeforeOrEqualTo(monday.atTime(14, 0).atZone(ZONE).toInstant());
            JsonNode acts = s.get("activities");
            assertThat(Instant.parse(acts.get(0).get("start").asString())).isEqualTo(start);
            assertThat(Instant.parse(acts.get(acts.size() - 1).get("end").asString())).isEqualTo(end);
            List<String> kinds = acts.valueStream().map(a -> a.get("activity_type").asString()).toList();
            assertThat(kinds).contains("Chat", "Lunch", "Break");
        }
        assertThat(List.of(ann, bob, cat)).containsAll(shifts.valueStream().map(s -> s.get("person_id").asLong()).toList());

        Http.Response published = http.post("/api/v1/schedule-generations/" + id + "/publish", c.auth(), Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("published_at").isNull()).isFalse();
        int blocks = shifts.valueStream().mapToInt(s -> s.get("activities").size()).sum();
        JsonNode stored = http.get("/api/v1/activities?start=" + monday + "T00:00:00Z&end=" + monday.plusDays(2) + "T00:00:00Z", c.auth()).json();
        assertThat(stored.size()).isEqualTo(blocks);
        assertThat(http.post("/api/v1/schedule-generations/" + id + "/publish", c.auth(), Map.of()).status()).as("once").isEqualTo(409);
        JsonNode req = http.get("/api/v1/requirements?channel=chat&start=" + at(monday, 10) + "&end=" + at(monday, 11), c.auth()).json();
        assertThat(req.get(0).get("scheduled_agents").asInt()).as("staffing sees the published schedule").isPositive();

        // Generating the same day again with keep_published: every published day is kept, nobody gets a second shift.
        long again = http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", monday.toString(),
                "end", monday.plusDays(1).toString(), "time_limit_seconds", 2, "keep_published", true)).json().get("id").asLong();
        JsonNode second = finished(c, again);
        assertThat(second.get("status").asString()).isEqualTo("done");
        assertThat(second.get("keep_published").asBoolean()).isTrue();
        assertThat(second.get("replaced_activity_ids")).isEmpty();
        assertThat(second.get("shifts").valueStream().map(s -> s.get("person_id").asLong()).toList())
                .doesNotContainAnyElementsOf(shifts.valueStream().map(s -> s.get("person_id").asLong()).toList());

        // Lock the first person's shift; a default generation keeps it (a pinned entity), replaces the other published
        // shifts, and publishing removes those and writes the new ones while the locked blocks stay as they are.
        long lockedPerson = shifts.get(0).get("person_id").asLong();
        List<JsonNode> lockedBlocks = stored.valueStream().filter(a -> a.get("person_id").asLong() == lockedPerson).toList();
        Http.Response lock = http.post("/api/v1/activities/" + lockedBlocks.get(0).get("id").asLong() + "/lock", c.auth(), Map.of());
        assertThat(lock.status()).as(lock.body()).isEqualTo(200);
        assertThat(lock.json().size()).as("the whole shift").isEqualTo(lockedBlocks.size());
        List<Long> unlockedIds = stored.valueStream().filter(a -> a.get("person_id").asLong() != lockedPerson).map(a -> a.get("id").asLong()).sorted().toList();
        long third = http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", monday.toString(),
                "end", monday.plusDays(1).toString(), "time_limit_seconds", 3)).json().get("id").asLong();
        JsonNode regenerated = finished(c, third);
        assertThat(regenerated.get("status").asString()).isEqualTo("done");
        assertThat(regenerated.get("hard_violations").asInt()).isZero();
        assertThat(regenerated.get("replaced_activity_ids").valueStream().map(JsonNode::asLong).toList()).isEqualTo(unlockedIds);
        assertThat(regenerated.get("shifts").valueStream().map(s -> s.get("person_id").asLong()).toList())
                .as("the locked person's day is kept").doesNotContain(lockedPerson).isNotEmpty();
        Http.Response republished = http.post("/api/v1/schedule-generations/" + third + "/publish", c.auth(), Map.of());
        assertThat(republished.status()).as(republished.body()).isEqualTo(200);
        JsonNode after = http.get("/api/v1/activities?start=" + monday + "T00:00:00Z&end=" + monday.plusDays(2) + "T00:00:00Z", c.auth()).json();
        assertThat(after.valueStream().map(a -> a.get("id").asLong()).toList()).doesNotContainAnyElementsOf(unlockedIds)
                .containsAll(lockedBlocks.stream().map(a -> a.get("id").asLong()).toList());
        assertThat(after.valueStream().filter(a -> a.get("person_id").asLong() == lockedPerson).map(a -> a.get("start").asString() + a.get("end").asString()).toList())
                .isEqualTo(lockedBlocks.stream().map(a -> a.get("start").asString() + a.get("end").asString()).toList());
        int newBlocks = regenerated.get("shifts").valueStream().mapToInt(s -> s.get("activities").size()).sum();
        assertThat(after.size()).isEqualTo(lockedBlocks.size() + newBlocks);
    }

    private List<JsonNode> activitiesOn(TestCompany c, LocalDate day) {
        return http.get("/api/v1/activities?start=" + day + "T00:00:00Z&end=" + day.plusDays(2) + "T00:00:00Z", c.auth()).json()
                .valueStream().toList();
    }

    @Test
    void shiftsChangedOrCreatedByHandWhileAGenerationRanSurviveItsPublishing() {
        TestCompany c = newCompany(ZONE.getId());
        List<Long> staff = ScheduleFixtures.chatDemandAndAgents(http, store, c, ZONE, "ann", "bob", "cat");
        LocalDate monday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long ann = staff.get(0), bob = staff.get(1), cat = staff.get(2);
        // Ann and Cat get a published Monday; the next generation (for all three) replaces both shifts.
        long first = http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", monday.toString(), "end", monday.plusDays(1).toString(),
                "person_ids", List.of(ann, cat), "time_limit_seconds", 2)).json().get("id").asLong();
        assertThat(finished(c, first).get("shifts").size()).isEqualTo(2);
        assertThat(http.post("/api/v1/schedule-generations/" + first + "/publish", c.auth(), Map.of()).status()).isEqualTo(200);
        List<JsonNode> published = activitiesOn(c, monday);
        List<JsonNode> annBlocks = published.stream().filter(a -> a.get("person_id").asLong() == ann).toList();
        List<Long> catIds = published.stream().filter(a -> a.get("person_id").asLong() == cat).map(a -> a.get("id").asLong()).toList();
        assertThat(annBlocks).isNotEmpty();
        assertThat(catIds).isNotEmpty();

        long second = http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", monday.toString(), "end", monday.plusDays(1).toString(),
                "time_limit_seconds", 3)).json().get("id").asLong();
        JsonNode planned = finished(c, second);
        assertThat(planned.get("status").asString()).isEqualTo("done");
        assertThat(planned.get("replaced_activity_ids").valueStream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrderElementsOf(published.stream().map(a -> a.get("id").asLong()).toList());
        Map<Long, List<JsonNode>> plannedBy = new HashMap<>();
        planned.get("shifts").valueStream().forEach(s -> plannedBy.computeIfAbsent(s.get("person_id").asLong(), k -> new java.util.ArrayList<>()).add(s));
        // Three required agents at every open quarter hour (Erlang C: 2, over 1 - 30 % shrinkage): everyone works.
        assertThat(plannedBy.keySet()).containsExactlyInAnyOrder(ann, bob, cat);

        // While the generation was waiting to be published: Ann's last block ends 15 minutes early, and Bob gets an
        // hour by hand at the start of the shift the generation planned for him.
        JsonNode annLast = annBlocks.get(annBlocks.size() - 1);
        String shortened = Instant.parse(annLast.get("end").asString()).minus(Duration.ofMinutes(15)).toString();
        Http.Response edit = http.send("PATCH", "/api/v1/activities/" + annLast.get("id").asLong(), c.auth(), Map.of("end", shortened));
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        JsonNode bobPlanned = plannedBy.get(bob).get(0);
        Instant bobStart = Instant.parse(bobPlanned.get("start").asString());
        Http.Response byHand = http.post("/api/v1/activities", c.auth(), Map.of("person_id", bob,
                "activity_type_id", bobPlanned.get("activities").get(0).get("activity_type_id").asLong(),
                "start", bobStart.toString(), "end", bobStart.plus(Duration.ofHours(1)).toString()));
        assertThat(byHand.status()).as(byHand.body()).isEqualTo(201);

        Http.Response publish = http.post("/api/v1/schedule-generations/" + second + "/publish", c.auth(), Map.of());
        assertThat(publish.status()).as(publish.body()).isEqualTo(200);
        JsonNode publication = publish.json().get("publication");
        assertThat(publication.get("kept_edited_shifts").asInt()).as(publication.toString()).isEqualTo(1);
        assertThat(publication.get("kept_activity_ids").valueStream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrderElementsOf(annBlocks.stream().map(a -> a.get("id").asLong()).toList());
        assertThat(publication.get("skipped_shifts").asInt()).as("Ann's and Bob's new shifts give way")
                .isEqualTo(plannedBy.get(ann).size() + plannedBy.get(bob).size());
        assertThat(publication.get("removed_activities").asInt()).as("Cat's old shift").isEqualTo(catIds.size());
        int catBlocks = plannedBy.get(cat).stream().mapToInt(s -> s.get("activities").size()).sum();
        assertThat(publication.get("created_activities").asInt()).isEqualTo(catBlocks);
        assertThat(http.get("/api/v1/schedule-generations/" + second, c.auth()).json().get("publication")).isEqualTo(publication);

        List<JsonNode> after = activitiesOn(c, monday);
        assertThat(after.stream().filter(a -> a.get("person_id").asLong() == ann).map(a -> a.get("id").asLong()).toList())
                .as("Ann's shift stays").containsExactlyInAnyOrderElementsOf(annBlocks.stream().map(a -> a.get("id").asLong()).toList());
        assertThat(after.stream().filter(a -> a.get("id").asLong() == annLast.get("id").asLong()).findFirst().orElseThrow().get("end").asString())
                .satisfies(e -> assertThat(Instant.parse(e)).isEqualTo(Instant.parse(shortened)));
        assertThat(after.stream().filter(a -> a.get("person_id").asLong() == bob).map(a -> a.get("id").asLong()).toList())
                .as("only Bob's hour by hand").containsExactly(byHand.json().get("id").asLong());
        assertThat(after.stream().filter(a -> a.get("person_id").asLong() == cat).map(a -> a.get("id").asLong()).toList())
                .as("Cat's new shift replaced the old").hasSize(catBlocks).doesNotContainAnyElementsOf(catIds);
    }

    @Test
    void measuredHandleTimesMakeTheRequirementsAGenerationPlansAgainst() {
        TestCompany c = newCompany(ZONE.getId());
        List<com.rostra.contacts.ContactRecord> chats = WeeklyChats.sixWeeks(ZONE);
        store.upsert(new CompanyId(c.id()), chats);
        // Every chat took 15 minutes by Gladly's Work Session report; the typed-in handle time says 5.
        handleTimes.record(new CompanyId(c.id()), chats.stream().map(k -> new com.rostra.staffing.HandleTimes.Observation(
                "ws-" + k.externalId(), k.externalId(), "CHAT", "in", k.queuedAt().plusSeconds(900), 840, 60)).toList());
        http.put("/api/v1/staffing-settings/all/chat", c.auth(), new HashMap<>(Map.of("service_level", 0.8, "target_seconds", 60,
                "aht_seconds", 300, "shrinkage", 0.3, "max_occupancy", 0.85, "concurrency", 1)));
        Http.Response measured = http.put("/api/v1/staffing-settings/all/chat", c.auth(), Map.of("aht_measured", true));
        assertThat(measured.status()).as(measured.body()).isEqualTo(200);
        http.put("/api/v1/shift-rules", c.auth(), Map.of("shift_lengths_minutes", List.of(480), "start_grid_minutes", 60));
        for (String n : List.of("ann", "bob", "cat", "dan", "eve", "fay")) ScheduleFixtures.chatAgent(http, c, n);
        LocalDate monday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String range = "&start=" + at(monday, 0).replace("+", "%2B") + "&end=" + at(monday.plusDays(1), 0).replace("+", "%2B");

        List<JsonNode> staffing = http.get("/api/v1/requirements?channel=chat" + range, c.auth()).json().valueStream().toList();
        assertThat(staffing).hasSize(96).allSatisfy(r -> assertThat(r.get("aht_seconds").asInt()).isEqualTo(900));
        int typed = http.get("/api/v1/requirements?channel=chat&aht_seconds=300" + range, c.auth()).json().valueStream()
                .mapToInt(r -> r.get("required_with_shrinkage").asInt()).sum();
        int fromMeasured = staffing.stream().mapToInt(r -> r.get("required_with_shrinkage").asInt()).sum();
        assertThat(fromMeasured).as("15-minute chats need more agents than 5-minute ones").isGreaterThan(typed);

        long id = http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", monday.toString(), "end", monday.plusDays(1).toString(),
                "time_limit_seconds", 3)).json().get("id").asLong();
        JsonNode done = finished(c, id);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
        Map<String, Integer> required = new HashMap<>();
        done.get("coverage").get("intervals").valueStream().forEach(i -> required.put(Instant.parse(i.get("start").asString()).toString(),
                i.get("required").asInt()));
        for (JsonNode r : staffing) {
            assertThat(required.get(Instant.parse(r.get("start").asString()).toString())).as("the Staffing page's requirement at " + r.get("start"))
                    .isEqualTo(r.get("required_with_shrinkage").asInt());
        }
        assertThat(done.get("coverage").get("required_agent_hours").asDouble()).isEqualTo(fromMeasured / 4.0);
        assertThat(done.get("coverage").get("scheduled_agent_hours").asDouble()).as("more than the typed handle time needs")
                .isGreaterThan(typed / 4.0);
    }

    @Test
    void deferredEmailGetsTheShareAnsweredWithinItsSlaWindow() {
        TestCompany c = newCompany("UTC");
        http.put("/api/v1/business-hours", c.auth(), Map.of("enabled", true, "weekly",
                List.of("monday", "tuesday", "wednesday", "thursday", "friday").stream()
                        .map(d -> Map.of("day", d, "open", "09:00", "close", "17:00")).toList(), "holidays", List.of()));
        // An email every quarter hour, day and night, for five weeks; answered 09-17 on weekdays within 4 business hours.
        List<com.rostra.contacts.ContactRecord> emails = new java.util.ArrayList<>();
        Instant first = now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(35));
        for (int q = 0; q < 35 * 96; q++) {
            Instant t = first.plus(Duration.ofMinutes(15L * q + 7));
            emails.add(new com.rostra.contacts.ContactRecord("mail-" + q, "conv-mail-" + q, "cust", com.rostra.contacts.Channel.EMAIL,
                    "EMAIL", "INBOUND", "Customer", null, null, "in", "Email", "in", "Email", com.rostra.contacts.ContactStatus.SOLVED,
                    "ANSWERED", t, t, t.plusSeconds(3600), 3600, null, null, null, t.plusSeconds(4000), null));
        }
        store.upsert(new CompanyId(c.id()), emails);
        assertThat(http.put("/api/v1/staffing-settings/all/email", c.auth(), Map.of("sla_window_hours", 4, "aht_seconds", 900,
                "max_occupancy", 1, "shrinkage", 0)).status()).isEqualTo(200);
        http.put("/api/v1/shift-rules", c.auth(), Map.of("shift_lengths_minutes", List.of(480), "start_grid_minutes", 60,
                "earliest_start", "09:00", "latest_end", "17:00"));
        List<Long> team = new java.util.ArrayList<>();
        for (String n : List.of("gus", "hal", "ivy", "jo", "kim", "lou", "max", "ned", "ola", "pia")) {
            Http.Response r = http.post("/api/v1/people", c.auth(), Map.of("first_name", n, "email", n + "@example.com",
                    "channels", List.of("email")));
            team.add(r.json().get("id").asLong());
        }
        // A Tuesday: the weekend's mail is behind it (the days before the horizon are planned as staffing plans them).
        LocalDate tuesday = today(ZoneId.of("UTC")).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));

        JsonNode alone = finished(c, http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", tuesday.toString(),
                "end", tuesday.plusDays(1).toString(), "person_ids", List.of(team.get(0)), "time_limit_seconds", 2)).json().get("id").asLong());
        JsonNode all = finished(c, http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", tuesday.toString(),
                "end", tuesday.plusDays(1).toString(), "time_limit_seconds", 3)).json().get("id").asLong());
        for (JsonNode g : List.of(alone, all)) {
            JsonNode coverage = g.get("coverage");
            assertThat(coverage.get("expected_service_level").isNull()).as("no live channel").isTrue();
            List<JsonNode> rows = coverage.get("intervals").valueStream().toList();
            assertThat(rows).hasSize(96).allSatisfy(r -> assertThat(r.get("channel").asString()).isEqualTo("email"));
            assertThat(rows.stream().filter(r -> r.get("forecast_volume").asDouble() > 0).toList()).hasSizeGreaterThan(80)
                    .allSatisfy(r -> assertThat(r.get("expected_service_level").asDouble()).isBetween(0.0, 1.0));
            assertThat(coverage.get("deferred_service_level").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(alone.get("coverage").get("understaffed_agent_hours").asDouble()).isPositive();
        double one = alone.get("coverage").get("deferred_service_level").asDouble();
        double ten = all.get("coverage").get("deferred_service_level").asDouble();
        // One person answers fewer than 32 of ~96 emails a day, Monday night's first: the night's mail misses its window.
        assertThat(one).isLessThan(0.5);
        // Ten people have twice the 40 agent-hours Tuesday needs (5 flat through 09-17: Monday night's 64 emails are due
        // by 13:00): a short quarter hour at lunch is caught up well within 4 hours.
        assertThat(ten).isGreaterThan(0.9).isGreaterThan(one);
        // Meeting the requirement everywhere answers everything in time: the requirement is the model's own plan.
        if (all.get("coverage").get("understaffed_agent_hours").asDouble() == 0) assertThat(ten).isEqualTo(1.0);
    }

    @Test
    void requestsAreValidatedFieldByFieldAndAGenerationCanBeCancelledOnce() {
        TestCompany c = newCompany(ZONE.getId());
        TestCompany other = newCompany();
        long theirs = http.post("/api/v1/people", other.auth(), Map.of("first_name", "x", "email", "x-" + other.id() + "@example.com"))
                .json().get("id").asLong();
        Http.Response bad = http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", "2026-12-07T09:07:00Z", "end", "someday",
                "person_ids", List.of(theirs), "queue_ids", List.of(999999), "time_limit_seconds", 0));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .contains("start", "end", "person_ids", "queue_ids", "time_limit_seconds");
        assertThat(http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", "2026-12-07", "end", "2027-02-07")).status())
                .as("at most 28 days").isEqualTo(400);

        LocalDate nextMonday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Http.Response emptyRequest = http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", nextMonday.toString(),
                "end", nextMonday.plusDays(1).toString(), "time_limit_seconds", 1, "skill_switch", true));
        assertThat(emptyRequest.json().get("skill_switch").asBoolean()).isTrue();
        assertThat(emptyRequest.json().get("keep_published").asBoolean()).isFalse();
        long empty = emptyRequest.json().get("id").asLong();
        JsonNode nobody = finished(c, empty);
        assertThat(nobody.get("status").asString()).as("nobody to schedule: done, with no shifts").isEqualTo("done");
        assertThat(nobody.get("shifts").size()).isZero();
        assertThat(http.post("/api/v1/schedule-generations/" + empty + "/publish", c.auth(), Map.of()).status())
                .as("publishing nothing is fine").isEqualTo(200);

        ScheduleFixtures.chatAgent(http, c, "eve");
        LocalDate monday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long id = http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", monday.toString(), "end", monday.plusDays(7).toString(),
                "time_limit_seconds", 60)).json().get("id").asLong();
        Http.Response cancelled = http.post("/api/v1/schedule-generations/" + id + "/cancel", c.auth(), Map.of());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(finished(c, id).get("status").asString()).isEqualTo("cancelled");
        assertThat(http.post("/api/v1/schedule-generations/" + id + "/cancel", c.auth(), Map.of()).status()).isEqualTo(409);
        assertThat(http.get("/api/v1/schedule-generations/" + (id + 100000), c.auth()).status()).isEqualTo(404);
    }

    @Test
    void withQueuesEachShiftWorksOneQueueItsPersonBelongsTo() {
        TestCompany c = newCompany(ZONE.getId());
        long chatQueue = http.post("/api/v1/queues", c.auth(), Map.of("name", "Chat help",
                "rules", List.of(Map.of("attribute", "channel", "operator", "is", "value", "chat")))).json().get("id").asLong();
        long other = http.post("/api/v1/queues", c.auth(), Map.of("name", "Elsewhere",
                "rules", List.of(Map.of("attribute", "channel", "operator", "is", "value", "phone")))).json().get("id").asLong();
        store.upsert(new CompanyId(c.id()), WeeklyChats.sixWeeks(ZONE));
        http.put("/api/v1/staffing-settings/" + chatQueue + "/chat", c.auth(), new HashMap<>(Map.of("aht_seconds", 300, "concurrency", 1,
                "target_seconds", 60)));
        long mia = http.post("/api/v1/people", c.auth(), Map.of("first_name", "mia", "email", "mia-" + c.id() + "@example.com",
                "channels", List.of("chat"), "queue_ids", List.of(chatQueue))).json().get("id").asLong();
        long noa = http.post("/api/v1/people", c.auth(), Map.of("first_name", "noa", "email", "noa-" + c.id() + "@example.com",
                "channels", List.of("chat"), "queue_ids", List.of(other))).json().get("id").asLong();
        LocalDate monday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Http.Response accepted = http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", monday.toString(),
                "end", monday.plusDays(1).toString(), "queue_ids", List.of(chatQueue), "time_limit_seconds", 2));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode done = finished(c, accepted.json().get("id").asLong());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("queue_ids").get(0).asLong()).isEqualTo(chatQueue);
        assertThat(done.get("coverage").get("intervals")).allSatisfy(i -> assertThat(i.get("queue_id").asLong()).isEqualTo(chatQueue));
        assertThat(done.get("coverage").get("required_agent_hours").asDouble()).as("the queue's chats need agents").isPositive();
        assertThat(done.get("shifts")).isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("person_id").asLong()).as("noa is not in the queue").isEqualTo(mia);
            assertThat(s.get("queue_id").asLong()).isEqualTo(chatQueue);
        });
        assertThat(noa).isNotEqualTo(mia);
    }

    @Test
    void stoppingASolveKeepsItsBestScheduleSoFarWhichCanBePublished() {
        TestCompany c = newCompany(ZONE.getId());
        store.upsert(new CompanyId(c.id()), WeeklyChats.sixWeeks(ZONE));
        for (String n : List.of("oli", "pat", "quinn")) ScheduleFixtures.chatAgent(http, c, n + "-" + c.id());
        LocalDate monday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long id = http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", monday.toString(), "end", monday.plusDays(7).toString(),
                "time_limit_seconds", 120)).json().get("id").asLong();
        // A score is reported once the solver has a first complete schedule; stop it after that.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !http.get("/api/v1/schedule-generations/" + id, c.auth()).json().get("score").isNull());
        assertThat(http.get("/api/v1/schedule-generations/" + id, c.auth()).json().get("status").asString()).isEqualTo("solving");
        Http.Response stopped = http.post("/api/v1/schedule-generations/" + id + "/cancel", c.auth(), Map.of());
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> !http.get("/api/v1/schedule-generations/" + id, c.auth()).json().get("coverage").isNull());
        JsonNode kept = http.get("/api/v1/schedule-generations/" + id, c.auth()).json();
        assertThat(kept.get("status").asString()).isEqualTo("cancelled");
        assertThat(kept.get("hard_violations").asInt()).isZero();
        assertThat(kept.get("shifts").size()).as("the best schedule so far").isPositive();
        assertThat(http.post("/api/v1/schedule-generations/" + id + "/publish", c.auth(), Map.of()).status()).isEqualTo(200);
    }
}
