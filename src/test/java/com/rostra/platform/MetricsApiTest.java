package com.rostra.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactStore;
import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.PageSession;
import com.rostra.support.ScheduleFixtures;
import com.rostra.support.Simulators;

import tools.jackson.databind.JsonNode;

import static com.rostra.support.GladlyEventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The domain metrics an operator alerts on, read from /actuator/prometheus as Prometheus scrapes them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsApiTest extends ApiTest {

    @Autowired
    ContactStore store;

    /** Sum of the samples of one metric whose labels contain {@code labels} (all samples when empty). */
    private double metric(String name, String labels) {
        String text = http.get("/actuator/prometheus", OPERATOR).body();
        double sum = 0;
        boolean found = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#")) continue;
            boolean named = line.startsWith(name + "{") || line.startsWith(name + " ");
            if (named && line.contains(labels)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    private double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /**
     * Every series the README's metrics table promises from the first scrape is there before its first event (this
     * test runs first in the class; alone, nothing has delivered a webhook or called Gladly yet), all five webhook
     * outcomes and both budget waits included. The README names its own exceptions: the per-company lag (opt-in)
     * and the Gladly requests (one series per status Gladly answers).
     */
    @Test
    @Order(1)
    void everySeriesTheReadmeListsIsScrapedBeforeItsFirstEvent() throws Exception {
        Set<String> scraped = sampleNames(http.get("/actuator/prometheus", OPERATOR).body());
        for (String outcome : List.of("stored", "duplicate", "ping", "rejected", "not_stored")) {
            assertThat(metric("rostra_webhook_deliveries_total", "outcome=\"" + outcome + "\""))
                    .as("webhook outcome " + outcome + " at the first scrape").isNotNaN();
        }
        for (String kind : List.of("requests", "reports")) {
            assertThat(metric("rostra_gladly_budget_wait_seconds_count", "kind=\"" + kind + "\""))
                    .as("budget wait " + kind + " at the first scrape").isNotNaN();
        }
        Set<String> listed = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| ([^|]+) \\|").matcher("");
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (!row.reset(line).find()) continue;
            Matcher name = Pattern.compile("`(rostra_[a-z0-9_]+)`").matcher(row.group(1));
            while (name.find()) listed.add(name.group(1));
        }
        assertThat(listed).as("the README's metrics table").hasSizeGreaterThan(15)
                .contains("rostra_gladly_budget_wait_seconds", "rostra_schedule_generation_soft_score");
        List<String> absent = listed.stream()
                .filter(n -> !n.equals("rostra_gladly_requests_total") && !n.equals("rostra_sync_lag_seconds"))
                .filter(n -> !scraped.contains(n) && !scraped.contains(n + "_count"))
                .toList();
        assertThat(absent).as("metrics the README lists but the first scrape lacks").isEmpty();
    }

    @Test
    void onlyTheOperatorScrapesMetrics() {
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(401);
        TestCompany c = newCompany();
        assertThat(http.get("/actuator/prometheus", c.auth()).status()).as("a company key is not the operator").isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", OPERATOR).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health", null).status()).as("health stays open for load balancers").isEqualTo(200);
    }

    @Test
    void webhookOutcomesLoginFailuresAndTheBacklogAreExposed() {
        TestCompany c = newCompany();
        String auth = Http.basic(c.apiKey(), c.apiKey());
        double stored = orZero(metric("rostra_webhook_deliveries_total", "outcome=\"stored\""));
        double duplicate = orZero(metric("rostra_webhook_deliveries_total", "outcome=\"duplicate\""));
        double rejected = orZero(metric("rostra_webhook_deliveries_total", "outcome=\"rejected\""));
        double ping = orZero(metric("rostra_webhook_deliveries_total", "outcome=\"ping\""));
        Map<String, Object> e = event("AGENT_STATUS/LOGGED_IN", "metrics-agent", now(), Map.of());
        http.post("/webhooks/gladly", auth, e);
        http.post("/webhooks/gladly", auth, e);
        http.post("/webhooks/gladly", auth, Map.of("id", "p", "type", "PING", "timestamp", now().toString(), "content", Map.of()));
        assertThat(http.postRaw("/webhooks/gladly", auth, "application/json", "{not json").status()).isEqualTo(400);
        assertThat(metric("rostra_webhook_deliveries_total", "outcome=\"stored\"")).isEqualTo(stored + 1);
        assertThat(metric("rostra_webhook_deliveries_total", "outcome=\"duplicate\"")).isEqualTo(duplicate + 1);
        assertThat(metric("rostra_webhook_deliveries_total", "outcome=\"ping\"")).isEqualTo(ping + 1);
        assertThat(metric("rostra_webhook_deliveries_total", "outcome=\"rejected\"")).isEqualTo(rejected + 1);

        assertThat(metric("rostra_events_backlog", "")).isGreaterThanOrEqualTo(0);
        assertThat(metric("rostra_events_oldest_unprocessed_age_seconds", "")).isGreaterThanOrEqualTo(0);
        assertThat(metric("rostra_queues_reassignment_remaining", "")).isGreaterThanOrEqualTo(0);

        double requirements = orZero(metric("rostra_requirements_seconds_count", ""));
        double fits = orZero(metric("rostra_forecast_fit_seconds_count", ""));
        assertThat(http.get("/api/v1/requirements?channel=chat", c.auth()).status()).isEqualTo(200);
        assertThat(metric("rostra_requirements_seconds_count", "")).isEqualTo(requirements + 1);
        assertThat(metric("rostra_forecast_fit_seconds_count", "")).as("a new company's series is fitted once").isGreaterThan(fits);

        // A generation with chat demand and one agent, so its score is not trivially zero.
        TestCompany planned = newCompany();
        ScheduleFixtures.chatDemandAndAgents(http, store, planned, ZoneOffset.UTC, "mia");
        LocalDate monday = today(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        double generations = orZero(metric("rostra_schedule_generations_seconds_count", ""));
        double hardCount = orZero(metric("rostra_schedule_generation_hard_violations_count", ""));
        double hardSum = orZero(metric("rostra_schedule_generation_hard_violations_sum", ""));
        double softCount = orZero(metric("rostra_schedule_generation_soft_score_count", ""));
        double softSum = orZero(metric("rostra_schedule_generation_soft_score_sum", ""));
        Http.Response started = http.post("/api/v1/schedule-generations", planned.auth(), Map.of("start", monday.toString(),
                "end", monday.plusDays(1).toString(), "time_limit_seconds", 1));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("queued", "solving")
                .contains(http.get("/api/v1/schedule-generations/" + id, planned.auth()).json().get("status").asString()));
        JsonNode done = http.get("/api/v1/schedule-generations/" + id, planned.auth()).json();
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
        Matcher score = Pattern.compile("^(-?\\d+)hard/(-?\\d+)soft$").matcher(done.get("score").asString());
        assertThat(score.find()).as(done.get("score").toString()).isTrue();
        long soft = Long.parseLong(score.group(2));
        assertThat(soft).as("one agent cannot cover a weekday of chats: the score has a penalty").isNegative();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(metric("rostra_schedule_generations_seconds_count", "")).isEqualTo(generations + 1));
        assertThat(metric("rostra_schedule_generations_seconds_count", "outcome=\"done\"")).isPositive();
        assertThat(metric("rostra_schedule_generation_hard_violations_count", "")).isEqualTo(hardCount + 1);
        assertThat(metric("rostra_schedule_generation_hard_violations_sum", ""))
                .isEqualTo(hardSum + done.get("hard_violations").asInt());
        assertThat(metric("rostra_schedule_generation_soft_score_count", "")).isEqualTo(softCount + 1);
        assertThat(metric("rostra_schedule_generation_soft_score_sum", "")).as("the soft penalty: the negated soft score")
                .isEqualTo(softSum - soft);

        double failures = orZero(metric("rostra_login_failures_total", ""));
        String email = addUser(c, "admin", "Lou Login");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageSession.signIn(port, email, "not the password"))
                .isInstanceOf(AssertionError.class);
        assertThat(metric("rostra_login_failures_total", "")).isEqualTo(failures + 1);
    }

    /**
     * A webhook burst and a sync against the simulator, then one scrape: the counters and gauges move, and every
     * metric the Grafana dashboard and the alert rules in docs/ops use is there (a renamed metric fails here).
     */
    @Test
    void aWebhookBurstAndASyncShowInTheMetricsTheDashboardAndAlertsUse() throws Exception {
        double reports = orZero(metric("rostra_gladly_requests_total", "endpoint=\"/reports\",status=\"200\""));
        double throttled = orZero(metric("rostra_gladly_requests_total", "status=\"429\""));
        double reportWaits = orZero(metric("rostra_gladly_budget_wait_seconds_count", "kind=\"reports\""));
        double requestWaits = orZero(metric("rostra_gladly_budget_wait_seconds_count", "kind=\"requests\""));
        double contacts = orZero(metric("rostra_contacts_stored_total", ""));
        double stored = orZero(metric("rostra_webhook_deliveries_total", "outcome=\"stored\""));
        TestCompany c = newCompany();
        String auth = Http.basic(c.apiKey(), c.apiKey());
        int burst = 120;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                Map<String, Object> e = event(i % 2 == 0 ? "AGENT_STATUS/LOGGED_IN" : "AGENT_STATUS/LOGGED_OUT", "burst-agent-" + (i % 10),
                        now().minusSeconds(burst - i), Map.of());
                sent.add(pool.submit(() -> http.post("/webhooks/gladly", auth, e).status()));
            }
            for (Future<Integer> f : sent) assertThat(f.get()).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
        assertThat(metric("rostra_webhook_deliveries_total", "outcome=\"stored\"")).isGreaterThanOrEqualTo(stored + burst);
        // The processor drains the burst: backlog and lag come back to 0 (gauges read at most every 5 s).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(metric("rostra_events_backlog", "")).isZero();
            assertThat(metric("rostra_events_oldest_unprocessed_age_seconds", "")).isZero();
        });

        try (GladlySimulator sim = Simulators.start(95, 200)) {
            Instant before = now();
            // Gladly throttles the first calls (the credential check): Rostra backs off, and counts each 429.
            sim.faults().throttleNext(3);
            connect(c, sim, 1);
            Simulators.assertHealthy(Simulators.awaitSettled(http, c, before));
            assertThat(metric("rostra_gladly_requests_total", "endpoint=\"/reports\",status=\"200\"")).isGreaterThan(reports);
            assertThat(metric("rostra_gladly_requests_total", "endpoint=\"/agents\"")).isPositive();
            assertThat(sim.requests().stream().filter(r -> r.status() == 429).count()).as("the simulator throttled")
                    .isGreaterThanOrEqualTo(3);
            assertThat(metric("rostra_gladly_requests_total", "endpoint=\"/agents\",status=\"429\"")).isGreaterThanOrEqualTo(throttled + 3);
            // Counted as the answer arrives, recorded by the simulator as it closes the exchange: equal once both are in.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(metric("rostra_gladly_requests_total", "status=\"429\"")).as("every 429 Gladly answered")
                            .isEqualTo(throttled + sim.requests().stream().filter(r -> r.status() == 429).count()));
            // Every call waits for the shared budget first, report calls for the Reports window before that. Read the
            // simulator's log first: each call in it had its waits recorded before it was sent (the sync may go on).
            long calls = sim.requests().size();
            long reportCalls = sim.requests().stream().filter(r -> r.path().contains("/reports")).count();
            assertThat(reportCalls).isPositive();
            assertThat(metric("rostra_gladly_budget_wait_seconds_count", "kind=\"requests\"")).isGreaterThanOrEqualTo(requestWaits + calls);
            assertThat(metric("rostra_gladly_budget_wait_seconds_count", "kind=\"reports\"")).isGreaterThanOrEqualTo(reportWaits + reportCalls);
            assertThat(metric("rostra_contacts_stored_total", "")).isGreaterThan(contacts);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(metric("rostra_gladly_connections", "")).isGreaterThanOrEqualTo(1);
                assertThat(metric("rostra_sync_lag_max_seconds", "")).isGreaterThan(0).isLessThan(Duration.ofDays(30).toSeconds());
                assertThat(metric("rostra_sync_lag_min_seconds", "")).isGreaterThanOrEqualTo(0);
                assertThat(metric("rostra_sync_lagging", "")).isGreaterThanOrEqualTo(0);
                assertThat(metric("rostra_gladly_connections_invalid", "")).isGreaterThanOrEqualTo(0);
            });

            Set<String> scraped = sampleNames(http.get("/actuator/prometheus", OPERATOR).body());
            Set<String> used = new TreeSet<>();
            JsonNode dashboard = Http.JSON.readTree(Files.readString(Path.of("docs/ops/grafana-dashboard.json")));
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.path("targets")) used.addAll(metricNames(target.get("expr").asString()));
            }
            assertThat(used).as("the dashboard's metrics").contains("rostra_webhook_deliveries_total",
                    "rostra_events_oldest_unprocessed_age_seconds", "rostra_gladly_requests_total", "rostra_sync_lag_max_seconds",
                    "rostra_contacts_stored_total", "http_server_requests_seconds_count");
            String alertsFile = Files.readString(Path.of("docs/ops/alerts.yml"));
            Matcher checkedBy = Pattern.compile("checked to exist\\s+#?\\s*by platform/(\\w+)").matcher(alertsFile);
            assertThat(checkedBy.find()).as("the rules file says which test checks its metric names").isTrue();
            assertThat(Class.forName("com.rostra.platform." + checkedBy.group(1))).as("the test the rules file names")
                    .isEqualTo(getClass());
            Map<String, Object> rules = new org.yaml.snakeyaml.Yaml().load(alertsFile);
            Set<String> alerted = new TreeSet<>();
            for (Object group : (List<?>) rules.get("groups")) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    alerted.addAll(metricNames((String) ((Map<?, ?>) rule).get("expr")));
                }
            }
            assertThat(alerted).as("the alert rules' metrics").contains("rostra_events_oldest_unprocessed_age_seconds",
                    "rostra_sync_lagging", "rostra_webhook_deliveries_total", "rostra_gladly_requests_total",
                    "rostra_gladly_connections_invalid");
            used.addAll(alerted);
            assertThat(used.stream().filter(n -> !scraped.contains(n)).toList())
                    .as("metrics used by docs/ops but missing from /actuator/prometheus").isEmpty();
        }
    }

    private static final Pattern METRIC = Pattern.compile("\\b((?:rostra|http_server)_[a-z0-9_]+)");

    private static Set<String> metricNames(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int end = line.indexOf('{');
            names.add(line.substring(0, end < 0 ? line.indexOf(' ') : end));
        }
        return names;
    }
}
