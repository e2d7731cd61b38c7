package com.rostra.platform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.GladlyEventFixtures;
import com.rostra.support.Http;
import com.rostra.support.ScheduleFixtures;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation over every route of the published API, generated from {@code /v3/api-docs}: company B's key calls
 * each operation with company A's ids. A route that names one of A's resources answers 403 or 404; no answer carries
 * anything of A's; nothing answers 500; and A's data reads the same before and after the sweep. A new route whose
 * path parameter this test cannot bind to one of A's resources fails the test until it is added here.
 */
class TenantIsolationSweepTest extends ApiTest {

    /** Routes that are not company-scoped by the company key, with why. */
    private static final Set<String> NOT_COMPANY_ROUTES = Set.of(
            "/api/v1/companies",               // the operator's, bearer token
            "/webhooks/gladly",                // Gladly's deliveries, covered by WebhookDeliveryIsolationApiTest
            "/api/v1/agent-states/stream");    // an endless stream, covered by AgentStateStreamApiTest

    @Test
    void companyBsKeyNeverReachesCompanyAsData() {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestCompany a = newCompany("America/New_York");
        TestCompany b = newCompany("America/New_York");
        Map<String, String> ids = seed(a, marker);

        Map<String, String> before = snapshot(a, ids);
        assertThat(String.join("\n", before.values())).as("A's own reads show its data").contains(marker);

        JsonNode doc = http.get("/v3/api-docs", null).json();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (var path : doc.get("paths").properties()) {
            String template = path.getKey();
            if (NOT_COMPANY_ROUTES.contains(template)) continue;
            for (var op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(Locale.ROOT);
                String route = method + " " + template;
                boolean namesAResource = template.contains("{");
                String url = bind(template, ids, route) + query(op.getValue(), ids);
                Http.Response r = http.send(method, url, b.auth(), method.equals("GET") || method.equals("DELETE") ? null : Map.of());
                calls++;
                if (r.status() >= 500) failures.add(route + " answered " + r.status() + ": " + r.body());
                if (r.body() != null && r.body().contains(marker)) failures.add(route + " showed A's data: " + r.body());
                if (namesAResource && !template.startsWith("/api/v1/special-days/") && r.status() != 403 && r.status() != 404
                        && !(r.status() == 400 && !method.equals("GET"))) {
                    failures.add(route + " on A's resource answered " + r.status() + " (want 403 or 404): " + r.body());
                }
            }
        }
        assertThat(calls).as("operations swept").isGreaterThan(60);
        assertThat(failures).isEmpty();
        assertThat(snapshot(a, ids)).as("A's data after B's calls").isEqualTo(before);
    }

    /** A company with one of everything, each carrying the marker where a name or note can. */
    private Map<String, String> seed(TestCompany a, String marker) {
        Map<String, String> ids = new LinkedHashMap<>();
        long queue = created(http.post("/api/v1/queues", a.auth(), Map.of("name", "Queue " + marker, "channels", List.of("phone"))));
        ids.put("queue", Long.toString(queue));
        long person = created(http.post("/api/v1/people", a.auth(), Map.of("first_name", marker, "last_name", "A",
                "email", marker + "@example.com", "role", "agent", "staffable", true, "channels", List.of("phone"),
                "queue_ids", List.of(queue))));
        ids.put("person", Long.toString(person));
        LocalDate monday = today(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        var start = monday.atTime(9, 0).toInstant(ZoneOffset.UTC);
        ids.put("activity", Long.toString(ScheduleFixtures.schedule(http, a, person, "Phone", start, start.plus(Duration.ofHours(4)))));
        ids.put("timeOff", Long.toString(created(http.post("/api/v1/time-off", a.auth(), Map.of("person_id", person,
                "start", monday.plusDays(2).toString(), "end", monday.plusDays(3).toString(), "note", "Note " + marker)))));
        ids.put("generation", Long.toString(created(http.post("/api/v1/schedule-generations", a.auth(),
                Map.of("start", monday.plusDays(7).toString(), "end", monday.plusDays(8).toString(), "time_limit_seconds", 1)))));
        ids.put("apiKey", Long.toString(created(http.post("/api/v1/api-keys", a.auth(), Map.of("name", "Key " + marker)))));
        assertThat(http.post("/api/v1/users", a.auth(), Map.of("email", "user-" + marker + "@example.com", "name", "User " + marker,
                "role", "manager", "password", "a long enough password")).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/activity-types", a.auth(), Map.of("name", "Type " + marker, "productive", false)).status())
                .isLessThan(300);
        String date = monday.plusDays(14).toString();
        ids.put("date", date);
        assertThat(http.put("/api/v1/special-days/" + date, a.auth(), Map.of("kind", "closed", "note", "Day " + marker)).status())
                .isLessThan(300);
        ids.put("adjustment", Long.toString(created(http.post("/api/v1/forecast-adjustments", a.auth(), Map.of("queue_id", queue,
                "channel", "phone", "start", date, "end", monday.plusDays(15).toString(), "percent", 10, "note", "Adjustment " + marker)))));
        assertThat(http.post("/api/v1/forecasts/publish", a.auth(), Map.of("start", monday.toString(), "end", monday.plusDays(1).toString()))
                .status()).isEqualTo(201);
        assertThat(http.put("/api/v1/staffing-settings/" + queue + "/phone", a.auth(), Map.of("service_level", 0.9,
                "target_seconds", 30, "aht_seconds", 301)).status()).isLessThan(300);
        Http.Response state = http.post("/webhooks/gladly", Http.basic(a.apiKey(), a.apiKey()), GladlyEventFixtures.event("AGENT_STATUS/LOGGED_IN",
                "agent-" + marker, now().minusSeconds(60), Map.of()));
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        return ids;
    }

    /** Everything A can read about itself, with the fields that change by merely being read taken out. */
    private Map<String, String> snapshot(TestCompany a, Map<String, String> ids) {
        String day = ids.get("date");
        Map<String, String> reads = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/queues", "/api/v1/queues/" + ids.get("queue"), "/api/v1/people",
                "/api/v1/people/" + ids.get("person"), "/api/v1/people/" + ids.get("person") + "/contract",
                "/api/v1/activities?start=" + LocalDate.parse(day).minusDays(30) + "&end=" + day,
                "/api/v1/time-off", "/api/v1/time-off/" + ids.get("timeOff"),
                "/api/v1/special-days/" + day, "/api/v1/staffing-settings/" + ids.get("queue") + "/phone",
                "/api/v1/shift-rules", "/api/v1/adherence-settings", "/api/v1/agent-state-mappings", "/api/v1/exclusions",
                "/api/v1/business-hours", "/api/v1/users", "/api/v1/api-keys", "/api/v1/activity-types",
                "/api/v1/agent-states/current", "/api/v1/integrations/gladly", "/api/v1/forecast-adjustments",
                "/api/v1/forecasts/published?start=" + LocalDate.parse(day).minusDays(30) + "&end=" + day)) {
            Http.Response r = http.get(path, a.auth());
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
            reads.put(path, r.body().replaceAll("\"last_used_at\":(null|\"[^\"]*\")", "")
                    .replaceAll("\"(status|finished_at|best_score|progress)\":(null|\"[^\"]*\"|[0-9.]+)", ""));
        }
        return reads;
    }

    private static String bind(String template, Map<String, String> ids, String route) {
        String resource;
        if (template.startsWith("/api/v1/queues/")) resource = "queue";
        else if (template.startsWith("/api/v1/people/")) resource = "person";
        else if (template.startsWith("/api/v1/activities/")) resource = "activity";
        else if (template.startsWith("/api/v1/time-off/")) resource = "timeOff";
        else if (template.startsWith("/api/v1/schedule-generations/")) resource = "generation";
        else if (template.startsWith("/api/v1/api-keys/")) resource = "apiKey";
        else if (template.startsWith("/api/v1/forecast-adjustments/")) resource = "adjustment";
        else resource = null;
        String url = template
                .replace("{queueId}", ids.get("queue"))
                .replace("{channel}", "phone")
                .replace("{date}", ids.get("date"));
        if (url.contains("{id}")) {
            assertThat(resource).as(route + ": bind its {id} to one of company A's resources in this test").isNotNull();
            url = url.replace("{id}", ids.get(resource));
        }
        assertThat(url).as(route + ": a path parameter this test does not know").doesNotContain("{");
        return url;
    }

    /** Query parameters that point at A's resources, plus a bounded range wherever a range is asked for. */
    private String query(JsonNode operation, Map<String, String> ids) {
        JsonNode parameters = operation.get("parameters");
        if (parameters == null) return "";
        LocalDate today = today(ZoneOffset.UTC);
        List<String> q = new ArrayList<>();
        for (JsonNode p : parameters) {
            if (!"query".equals(p.get("in").asString())) continue;
            String name = p.get("name").asString();
            String value = switch (name) {
                case "queue_id" -> ids.get("queue");
                case "person_id" -> ids.get("person");
                case "channel" -> "phone";
                case "start" -> today.minusDays(7).toString();
                case "end" -> today.plusDays(21).toString();
                case "date" -> today.toString();
                default -> null;
            };
            if (value != null) q.add(name + "=" + value);
        }
        return q.isEmpty() ? "" : "?" + String.join("&", q);
    }

    private static long created(Http.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 202);
        return r.json().get("id").asLong();
    }
}
