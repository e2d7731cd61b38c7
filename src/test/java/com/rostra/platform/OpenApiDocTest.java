package com.rostra.platform;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API description a customer's developer reads: every operation says what it does, what each parameter means,
 * shows an example request and answer, names its error answers (problem details with {@code errors[]}), and how to
 * authorize. The examples are checked against the running API: what they show is what it answers.
 */
class OpenApiDocTest extends ApiTest {

    @Test
    void everyOperationIsDocumentedWithParametersExamplesAndErrors() {
        JsonNode doc = http.get("/v3/api-docs", null).json();
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                operations++;
                JsonNode o = op.getValue();
                String id = op.getKey().toUpperCase() + " " + path.getKey();
                if (blank(o.get("summary"))) undocumented.add(id + ": summary");
                if (blank(o.get("description"))) undocumented.add(id + ": description");
                for (JsonNode p : o.path("parameters")) {
                    if (blank(p.get("description"))) undocumented.add(id + ": parameter " + p.get("name").asString());
                }
                for (var media : o.path("requestBody").path("content").properties()) {
                    boolean needsExample = !media.getKey().startsWith("multipart");
                    if (needsExample && !media.getValue().has("example")) undocumented.add(id + ": request example (" + media.getKey() + ")");
                    if (media.getKey().contains("json")) {
                        conform(doc, id + " request example", media.getValue().get("example"), media.getValue().get("schema"), undocumented);
                    }
                }
                boolean answers = false;
                for (var response : o.get("responses").properties()) {
                    if (!response.getKey().startsWith("2")) continue;
                    for (var media : response.getValue().path("content").properties()) {
                        answers = true;
                        if (media.getKey().contains("json")) {
                            conform(doc, id + " " + response.getKey() + " example", media.getValue().get("example"),
                                    media.getValue().get("schema"), undocumented);
                        }
                        if (media.getKey().equals("*/*")) undocumented.add(id + ": untyped " + response.getKey() + " answer");
                        if (!media.getValue().has("example")) undocumented.add(id + ": " + response.getKey() + " example (" + media.getKey() + ")");
                    }
                }
                if (path.getKey().startsWith("/actuator")) continue;
                if (!answers && !o.get("responses").has("204") && !o.get("responses").has("202")) {
                    // Answers without a body must say so (204/202) or be documented as empty 200s on purpose.
                    JsonNode ok = o.get("responses").get("200");
                    if (ok == null) undocumented.add(id + ": no 2xx answer");
                }
                for (String code : List.of("400", "401")) {
                    JsonNode r = o.get("responses").get(code);
                    if (r == null || !r.path("content").path("application/problem+json").path("schema").path("$ref").asString().endsWith("/Problem")) {
                        undocumented.add(id + ": " + code + " problem answer");
                    }
                }
                if (path.getKey().startsWith("/api/") && !path.getKey().startsWith("/api/v1/companies") && !o.get("responses").has("403")) {
                    undocumented.add(id + ": 403 answer");
                }
                if (path.getKey().contains("{") && !o.get("responses").has("404")) undocumented.add(id + ": 404 answer");
            }
        }
        assertThat(operations).isGreaterThan(70);
        assertThat(undocumented).as("what the API description leaves out").isEmpty();

        JsonNode problem = doc.get("components").get("schemas").get("Problem");
        assertThat(problem.get("properties").get("errors").get("items").get("properties").has("field")).isTrue();
        assertThat(problem.get("properties").get("errors").get("items").get("properties").has("message")).isTrue();

        JsonNode schemes = doc.get("components").get("securitySchemes");
        assertThat(schemes.get("companyKey").get("type").asString()).isEqualTo("http");
        assertThat(schemes.get("companyKey").get("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.get("operatorToken").get("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.get("security").toString()).as("the company key applies by default").contains("companyKey");
        assertThat(doc.get("paths").get("/api/v1/companies").get("post").get("security").toString()).contains("operatorToken");
        assertThat(doc.get("paths").get("/actuator/prometheus").get("get").get("security").toString()).contains("operatorToken")
                .doesNotContain("companyKey");
        assertThat(doc.get("paths").get("/actuator/health").get("get").get("security").toString()).as("health is open")
                .contains("{}");
        assertThat(doc.toString()).as("the wire's snake_case, not Java's camelCase").doesNotContain("\"firstName\"")
                .doesNotContain("\"createdAt\"");
    }

    /**
     * The file and the API name the same operations. An operation without an entry of its own would still pass the
     * test above when the shared texts (by parameter name, such as {@code id}) happen to fill its parameters in, with
     * words written for other operations; so each operation must be described on purpose.
     */
    @Test
    void theDescriptionFileHasAnEntryForEveryOperationAndNoneForOneThatDoesNotExist() throws Exception {
        JsonNode doc = http.get("/v3/api-docs", null).json();
        Set<String> operations = new TreeSet<>();
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) operations.add(op.getKey().toUpperCase() + " " + path.getKey());
        }
        JsonNode file;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiDocumentation.RESOURCE)) {
            file = Http.JSON.readTree(in);
        }
        Set<String> stale = new TreeSet<>();
        file.get("operations").propertyNames().forEach(k -> { if (!operations.contains(k)) stale.add(k); });
        assertThat(stale).as("entries of " + OpenApiDocumentation.RESOURCE + " for operations that are gone (renamed or moved?)").isEmpty();
        Set<String> missing = new TreeSet<>();
        for (String op : operations) {
            // The actuator's operations come from the file's own "actuator" section.
            if (!op.contains(" /actuator/") && !file.get("operations").has(op)) missing.add(op);
        }
        assertThat(missing).as("operations without an entry of their own in " + OpenApiDocumentation.RESOURCE).isEmpty();
    }

    /**
     * Where a list's {@code start} and {@code end} document a default range in days around today, the API applies that range in
     * the company's time zone: of the days just inside and just outside both ends, only the inside ones are listed.
     * (The forecast adjustments once documented "no bound" while the controller applied 90 days back, 366 ahead.)
     */
    @Test
    void documentedDefaultDateRangesAreTheOnesTheApiApplies() {
        JsonNode doc = http.get("/v3/api-docs", null).json();
        // Already tomorrow there while the test clock's UTC date is still today: "today" must be the company's.
        ZoneId zone = ZoneId.of("Pacific/Auckland");
        TestCompany c = newCompany(zone.getId());
        LocalDate today = today(zone);

        int[] special = documentedDays(doc, "/api/v1/special-days");
        List<LocalDate> days = aroundTheEnds(today, special);
        for (LocalDate d : days) {
            Http.Response r = http.put("/api/v1/special-days/" + d, c.auth(), Map.of("kind", "outlier"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertThat(http.get("/api/v1/special-days", c.auth()).json().valueStream().map(d -> d.get("date").asString()).toList())
                .as("special days listed by default").containsExactly(days.get(1).toString(), days.get(2).toString());

        int[] adjusted = documentedDays(doc, "/api/v1/forecast-adjustments");
        days = aroundTheEnds(today, adjusted);
        for (LocalDate d : days) {
            Http.Response r = http.post("/api/v1/forecast-adjustments", c.auth(), Map.of("start", d.toString(),
                    "end", d.plusDays(1).toString(), "percent", 10));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        assertThat(http.get("/api/v1/forecast-adjustments", c.auth()).json().valueStream().map(a -> a.get("start").asString()).toList())
                .as("one-day adjustments listed by default").containsExactly(days.get(1).toString(), days.get(2).toString());
    }

    /** The day before the first default day, the first, the last, and the day after the last. */
    private static List<LocalDate> aroundTheEnds(LocalDate today, int[] daysBackAndAhead) {
        LocalDate first = today.minusDays(daysBackAndAhead[0]);
        LocalDate end = today.plusDays(daysBackAndAhead[1]);
        return List.of(first.minusDays(1), first, end.minusDays(1), end);
    }

    /** The days before and after today a list defaults to, as its {@code start} and {@code end} parameters document them. */
    private static int[] documentedDays(JsonNode doc, String path) {
        String start = parameterText(doc, path, "start");
        String end = parameterText(doc, path, "end");
        Matcher back = Pattern.compile("default (\\d+) days before today in the company's time zone").matcher(start);
        Matcher ahead = Pattern.compile("default (\\d+) days after today in the company's time zone").matcher(end);
        assertThat(back.find()).as(path + " start: " + start).isTrue();
        assertThat(ahead.find()).as(path + " end: " + end).isTrue();
        return new int[] {Integer.parseInt(back.group(1)), Integer.parseInt(ahead.group(1))};
    }

    private static String parameterText(JsonNode doc, String path, String name) {
        for (JsonNode p : doc.get("paths").get(path).get("get").path("parameters")) {
            if (p.get("name").asString().equals(name)) return p.get("description").asString();
        }
        throw new AssertionError("GET " + path + " has no parameter " + name);
    }

    /**
     * The documented examples against the live API: each example request is accepted, and the answer has exactly the
     * fields the documented example shows (recursively, first element of lists), so an example cannot drift from the
     * contract unnoticed. Ids in paths are the company's own; the rest works on a fresh company.
     */
    @Test
    void examplesAreWhatTheApiAcceptsAndAnswers() {
        JsonNode doc = http.get("/v3/api-docs", null).json();
        TestCompany c = newCompany("Europe/Berlin");
        List<String> drift = new ArrayList<>();
        for (String get : List.of("/api/v1/integrations/gladly", "/api/v1/shift-rules", "/api/v1/business-hours",
                "/api/v1/adherence-settings", "/api/v1/exclusions", "/api/v1/queues/assignment", "/api/v1/users",
                "/api/v1/api-keys", "/api/v1/activity-types", "/api/v1/agent-state-mappings")) {
            Http.Response live = http.get(get, c.auth());
            assertThat(live.status()).as(get + ": " + live.body()).isEqualTo(200);
            compare("GET " + get, example(doc, get, "get"), live.json(), drift);
        }
        record Write(String method, String path, String docPath, int status) {}
        for (Write w : List.of(
                new Write("POST", "/api/v1/queues", "/api/v1/queues", 201),
                new Write("POST", "/api/v1/activity-types", "/api/v1/activity-types", 201),
                new Write("POST", "/api/v1/api-keys", "/api/v1/api-keys", 201),
                new Write("POST", "/api/v1/staffing/calculate", "/api/v1/staffing/calculate", 200),
                new Write("PUT", "/api/v1/shift-rules", "/api/v1/shift-rules", 200),
                new Write("PUT", "/api/v1/business-hours", "/api/v1/business-hours", 200),
                new Write("PUT", "/api/v1/adherence-settings", "/api/v1/adherence-settings", 200),
                new Write("PUT", "/api/v1/exclusions", "/api/v1/exclusions", 200),
                new Write("PUT", "/api/v1/agent-state-mappings", "/api/v1/agent-state-mappings", 200),
                new Write("PUT", "/api/v1/staffing-settings/all/chat", "/api/v1/staffing-settings/{queueId}/{channel}", 200),
                new Write("PUT", "/api/v1/special-days/2026-12-24", "/api/v1/special-days/{date}", 200))) {
            JsonNode op = doc.get("paths").get(w.docPath()).get(w.method().toLowerCase());
            JsonNode request = op.get("requestBody").get("content").get("application/json").get("example");
            Http.Response live = w.method().equals("POST") ? http.post(w.path(), c.auth(), request) : http.put(w.path(), c.auth(), request);
            assertThat(live.status()).as(w + " with the documented example: " + live.body()).isIn(w.status(), 200, 201);
            compare(w.method() + " " + w.path(), example(doc, w.docPath(), w.method().toLowerCase()), live.json(), drift);
        }
        Http.Response invalid = http.get("/api/v1/activities?start=2026-11-23T00:00:00Z&end=2026-11-22T00:00:00Z", c.auth());
        assertThat(invalid.status()).isEqualTo(400);
        Set<String> documented = new TreeSet<>();
        doc.get("components").get("schemas").get("Problem").get("properties").propertyNames().forEach(documented::add);
        Set<String> answered = new TreeSet<>();
        invalid.json().propertyNames().forEach(answered::add);
        assertThat(documented).as("the Problem schema covers the error answer").containsAll(answered);
        assertThat(drift).as("documented examples that differ from the live answers").isEmpty();
    }

    /** Every field an example shows is one its schema declares (recursively): no invented or misspelt field. */
    private static void conform(JsonNode doc, String where, JsonNode example, JsonNode schema, List<String> wrong) {
        if (example == null || example.isNull() || schema == null) return;
        while (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            schema = doc.get("components").get("schemas").get(name);
            if (schema == null) {
                wrong.add(where + ": schema " + name + " missing");
                return;
            }
        }
        if (example.isArray()) {
            if (!schema.has("items")) {
                wrong.add(where + ": a list where the schema has " + schema.path("type"));
                return;
            }
            for (JsonNode item : example) conform(doc, where + "[]", item, schema.get("items"), wrong);
        } else if (example.isObject() && schema.has("properties")) {
            for (String field : example.propertyNames()) {
                if (!schema.get("properties").has(field)) wrong.add(where + ": field " + field + " is not in the schema");
                else conform(doc, where + "." + field, example.get(field), schema.get("properties").get(field), wrong);
            }
        }
    }

    private static JsonNode example(JsonNode doc, String path, String method) {
        JsonNode responses = doc.get("paths").get(path).get(method).get("responses");
        for (var r : responses.properties()) {
            if (r.getKey().startsWith("2")) return r.getValue().get("content").get("application/json").get("example");
        }
        throw new AssertionError("no 2xx answer for " + method + " " + path);
    }

    /** Field names must match; nulls in either are fine (a value may be absent in one of them). */
    private static void compare(String where, JsonNode example, JsonNode live, List<String> drift) {
        if (example == null || example.isNull() || live == null || live.isNull()) return;
        if (example.isArray() && live.isArray()) {
            if (!example.isEmpty() && !live.isEmpty()) compare(where + "[0]", example.get(0), live.get(0), drift);
            return;
        }
        if (example.isObject() && live.isObject()) {
            Set<String> e = new TreeSet<>();
            example.propertyNames().forEach(e::add);
            Set<String> l = new TreeSet<>();
            live.propertyNames().forEach(l::add);
            if (!e.equals(l)) {
                drift.add(where + ": example " + e + " but the API answers " + l);
                return;
            }
            for (Iterator<String> it = e.iterator(); it.hasNext(); ) {
                String k = it.next();
                if (l.contains(k)) compare(where + "." + k, example.get(k), live.get(k), drift);
            }
            return;
        }
        if (example.isContainer() != live.isContainer()) drift.add(where + ": example " + example + " but the API answers " + live);
    }

    private static boolean blank(JsonNode n) {
        return n == null || n.isNull() || n.asString().isBlank();
    }
}
