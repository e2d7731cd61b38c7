package com.rostra.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
import com.rostra.simulator.SimEvent;
import com.rostra.simulator.SimulatorConfig;
import com.rostra.support.Http;
import com.rostra.support.TestClocks;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults, counted against the simulator's ground truth. Rostra runs as its own process on its own fresh PostgreSQL
 * database, behind a relay that can cut the database away; Gladly (the simulator) delivers a webhook burst with its
 * retries while a backfill runs.
 * <ul>
 *   <li>{@code kill -9} of one of two nodes behind a load balancer, mid-burst and mid-backfill, then a restart: every
 *   event and every contact is stored exactly once, and the company is synced by one node at a time.</li>
 *   <li>The database gone mid-burst (what a PostgreSQL restart does to Rostra): deliveries during the outage get 503,
 *   never 200; Gladly's retries land afterwards; the sync resumes from its checkpoint.</li>
 * </ul>
 * Reduced size in the suite (600 events over 12 s, 10 days of backfill); {@code bench/faults.sh} runs the full size.
 * They run in the PostgreSQL pass of {@code .ci/run} (they bring their own database), not in the H2 one.
 */
@org.junit.jupiter.api.Timeout(value = 14, unit = java.util.concurrent.TimeUnit.MINUTES)
class CrashAndOutageFaultTest {

    private static final int EVENTS = Integer.getInteger("rostra.faults.events", 600);
    private static final int AGENTS = 40;
    private static final Duration BURST = Duration.ofSeconds(Integer.getInteger("rostra.faults.burst-seconds", 12));
    private static final int BACKFILL_DAYS = Integer.getInteger("rostra.faults.backfill-days", 10);
    private static final double CONTACTS_PER_DAY = Double.parseDouble(System.getProperty("rostra.faults.contacts-per-day", "1500"));

    private final HttpClient client = HttpClient.newHttpClient();
    private String database;
    private TcpProxy proxy;
    private Path work;
    private GladlySimulator sim;
    private RostraProcess node;
    private int port;
    private String companyKey;
    private long companyId;

    @BeforeEach
    void freshDatabaseAndSimulator() throws Exception {
        assumeTrue(postgresReachable(), "PostgreSQL on 127.0.0.1:5432 is needed for the fault tests");
        // They bring their own database, so they run once per CI run: in the PostgreSQL pass, not the H2 one.
        assumeTrue(!"h2".equals(System.getenv("ROSTRA_EXPECT_DB")), "run in the PostgreSQL pass");
        database = "rostra_faults_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        proxy = new TcpProxy("127.0.0.1", 5432);
        work = Files.createTempDirectory("rostra-faults");
        try (var probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        sim = new GladlySimulator(SimulatorConfig.defaults(4242).withContactsPerDay(CONTACTS_PER_DAY)
                .withWebhookRetryDelays(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60)),
                        Duration.ofSeconds(10)), TestClocks.clock()).start(0);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (node != null) node.kill();
        if (sim != null) sim.close();
        if (proxy != null) proxy.close();
        if (database != null) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    /**
     * Two nodes on one database behind a load balancer: Gladly's webhook deliveries alternate between them (a delivery
     * to a node that is down goes to the other; one cut off mid-request is retried by Gladly and lands where the
     * rotation points), and both run the scheduler. The node running the company's backfill is killed mid-burst and
     * mid-backfill, after it has acknowledged deliveries that only it received, and started again; the other carries
     * on. An event the killed node acknowledged and then lost would be missing; two syncs of the company at once would
     * show as overlapping report requests at Gladly (one sync asks for one report at a time).
     */
    @Test
    void killNineOfOneOfTwoNodesDuringAWebhookBurstAndABackfillLosesAndDuplicatesNothing() throws Exception {
        int secondPort;
        try (var probe = new java.net.ServerSocket(0)) {
            secondPort = probe.getLocalPort();
        }
        int[] ports = {port, secondPort};
        RostraProcess[] nodes = new RostraProcess[2];
        startNode();
        nodes[0] = node;
        nodes[1] = RostraProcess.start(dbUrl(), secondPort, work.resolve("rostra-2.log"), work);
        try (LoadBalancer balancer = new LoadBalancer(List.of(nodes[0].baseUrl(), nodes[1].baseUrl()))) {
            setUpCompanyConnectedToTheSimulator(balancer.baseUrl());

            // Gladly answers slowly and the backfill takes several reports, so the kill lands after the first window is
            // stored and before the last: a quiet machine otherwise finishes a small backfill before the burst is a
            // third through (the connection is healthy as soon as its contacts are in).
            sim.faults().latency(Duration.ofMillis(400));
            Burst burst = Burst.start(sim, EVENTS, AGENTS, BURST);
            awaitTrue(Duration.ofSeconds(60), () -> burst.emitted() > 0 && balancer.acknowledgedBy(0, burst.prefix()) > 0
                    && balancer.acknowledgedBy(1, burst.prefix()) > 0);
            awaitTrue(Duration.ofSeconds(60), () -> count("select count(*) from contacts where company_id = " + companyId) > 0);
            // The node whose scheduler runs the backfill is the one killed, so the sync itself is cut off too.
            String runner = syncPickedBy();
            int victim = runner != null && runner.equals(RostraProcess.schedulerName(ports[1])) ? 1 : 0;
            nodes[victim].kill();
            int acknowledgedByTheKilledNode = balancer.acknowledgedBy(victim, burst.prefix());
            sim.faults().latency(Duration.ZERO);
            long contactsAtKill = count("select count(*) from contacts where company_id = " + companyId);
            long backfillsDoneAtKill = count("select count(*) from gladly_connections where company_id = " + companyId
                    + " and backfill_completed_at is not null");
            stage("kill -9 of node " + (victim + 1) + " (sync picked by " + runner + ") with " + contactsAtKill
                    + " contacts stored, backfill done: " + backfillsDoneAtKill + ", " + acknowledgedByTheKilledNode
                    + " deliveries acknowledged by the killed node");
            nodes[victim] = RostraProcess.start(dbUrl(), ports[victim], work.resolve("rostra-" + (victim + 1) + "-restarted.log"), work);
            node = nodes[0];
            stage("restarted");
            burst.join();
            stage("burst emitted");

            awaitEveryEventAcknowledged(burst);
            int byKilled = balancer.acknowledgedBy(victim, burst.prefix());
            int bySurvivor = balancer.acknowledgedBy(1 - victim, burst.prefix());
            stage("every event acknowledged; by the killed node " + byKilled + ", by the other " + bySurvivor);
            awaitBackfillDone();
            stage("backfill done");
            assertEventsStoredExactlyOnce(burst);
            assertContactsMatchTheSimulator();
            assertThat(contactsAtKill).as("the kill landed mid-backfill").isGreaterThan(0);
            assertThat(backfillsDoneAtKill).as("the kill landed mid-backfill").isZero();
            assertThat(runner).as("the backfill was running when the kill came").isNotNull();
            assertThat(acknowledgedByTheKilledNode).as("the killed node had acknowledged deliveries only it received").isPositive();
            assertThat(bySurvivor).as("the other node took its share of the deliveries").isGreaterThan(EVENTS / 4);
            // Once each, but for the rare delivery Gladly gave up waiting on (10 s) that a node still answered.
            assertThat(byKilled + bySurvivor).as("the traffic was split, not copied to both nodes")
                    .isBetween(EVENTS, EVENTS + EVENTS / 20);

            List<GladlySimulator.RecordedRequest> requests = sim.requests().stream()
                    .filter(r -> r.path().startsWith("/api/v1/") && !r.path().startsWith("/api/v1/webhooks")).toList();
            assertThat(requests).as("one shared Gladly budget across nodes and restarts: never throttled").isNotEmpty()
                    .noneMatch(r -> r.status() == 429);
            assertThat(maxPerSecond(requests)).as("Gladly: 10 requests per second").isLessThanOrEqualTo(10);
            List<GladlySimulator.RecordedRequest> reports = requests.stream()
                    .filter(r -> r.method().equals("POST") && r.path().startsWith("/api/v1/reports")).toList();
            assertThat(reports).as("the backfill's report requests").hasSizeGreaterThan(3);
            assertThat(overlapping(reports)).as("one sync per company: report requests of two syncs at once").isEmpty();
        } finally {
            for (RostraProcess n : nodes) {
                if (n != null && n != node) n.kill();
            }
        }
    }

    /** The scheduler that has the company's sync picked (running), or null between runs. */
    private String syncPickedBy() throws Exception {
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select picked_by from scheduled_tasks where task_name = 'gladly-sync' "
                     + "and task_instance = '" + companyId + "' and picked")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void theDatabaseGoneMidBurstGets503sAndEverythingLandsAfterwards() throws Exception {
        startNode();
        setUpCompanyConnectedToTheSimulator(node.baseUrl());

        Burst burst = Burst.start(sim, EVENTS, AGENTS, BURST);
        awaitTrue(Duration.ofSeconds(60), () -> burst.emitted() > EVENTS / 3);
        Instant outageStart = TestClocks.now();
        stage("database cut");
        proxy.outage();
        Thread.sleep(5_000);
        Instant outageEnd = TestClocks.now();
        proxy.restore();
        stage("database back");
        burst.join();

        stage("burst emitted");
        awaitEveryEventAcknowledged(burst);
        stage("every event acknowledged");
        awaitBackfillDone();
        stage("backfill done");
        assertEventsStoredExactlyOnce(burst);
        assertContactsMatchTheSimulator();

        List<Integer> duringOutage = sim.webhookDeliveries().stream()
                .filter(d -> d.eventId().startsWith(burst.prefix()))
                .filter(d -> d.at().isAfter(outageStart.plusMillis(500)) && d.at().isBefore(outageEnd))
                .map(d -> d.status()).toList();
        assertThat(duringOutage).as("deliveries while the database was gone").isNotEmpty()
                .doesNotContain(200).allMatch(s -> s == 503 || s == 0, "503 (or no answer), never a 500");
    }

    // ------------------------------------------------------------------------------------------------- harness

    private void startNode() throws Exception {
        node = RostraProcess.start(dbUrl(), port, work.resolve("rostra.log"), work);
    }

    private String dbUrl() {
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database + "?connectTimeout=2&socketTimeout=20";
    }

    private static long maxPerSecond(List<GladlySimulator.RecordedRequest> requests) {
        List<Instant> at = requests.stream().map(GladlySimulator.RecordedRequest::at).sorted().toList();
        long max = 0;
        int from = 0;
        for (int to = 0; to < at.size(); to++) {
            while (!at.get(from).plusSeconds(1).isAfter(at.get(to))) from++;
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    /** Report requests that started before an earlier one was answered, as "earlier / later" pairs. */
    private static List<String> overlapping(List<GladlySimulator.RecordedRequest> requests) {
        List<GladlySimulator.RecordedRequest> byStart = requests.stream()
                .sorted(java.util.Comparator.comparing(GladlySimulator.RecordedRequest::at)).toList();
        List<String> overlaps = new java.util.ArrayList<>();
        GladlySimulator.RecordedRequest latestEnding = null;
        for (GladlySimulator.RecordedRequest r : byStart) {
            if (latestEnding != null && r.at().isBefore(latestEnding.end())) overlaps.add(latestEnding + " / " + r);
            if (latestEnding == null || r.end().isAfter(latestEnding.end())) latestEnding = r;
        }
        return overlaps;
    }

    /** The company, connected to the simulator, with Gladly's webhook pointed at {@code webhookBase}. */
    private void setUpCompanyConnectedToTheSimulator(String webhookBase) throws Exception {
        JsonNode company = json(send("POST", node.baseUrl() + "/api/v1/companies", "Bearer " + RostraProcess.OPERATOR_TOKEN,
                Map.of("name", "Faulty Co", "time_zone", "America/New_York"), 201));
        companyId = company.get("id").asLong();
        companyKey = company.get("api_key").asString();
        String key = Http.key(companyKey);
        send("PUT", node.baseUrl() + "/api/v1/integrations/gladly", key, Map.of("username", sim.config().apiUserEmail(),
                "api_token", sim.config().apiToken(), "base_url", sim.baseUrl(), "backfill_days", BACKFILL_DAYS), 200);

        registerWebhook(webhookBase);
    }

    private void registerWebhook(String base) throws Exception {
        String gladly = "Basic " + Base64.getEncoder().encodeToString(
                (sim.config().apiUserEmail() + ":" + sim.config().apiToken()).getBytes());
        JsonNode hook = json(send("POST", sim.baseUrl() + "/webhooks", gladly, Map.of("name", "Rostra " + base,
                "url", base + "/webhooks/gladly", "events", List.of("AGENT_STATUS/LOGGED_IN", "AGENT_STATUS/LOGGED_OUT"),
                "credentials", Map.of("username", companyKey, "password", companyKey)), 201));
        send("PATCH", sim.baseUrl() + "/webhooks/" + hook.get("id").asString(), gladly, Map.of("enabled", true), 200);
    }

    /** Until every event got a 200 from the webhook. */
    private void awaitEveryEventAcknowledged(Burst burst) throws Exception {
        awaitTrue(Duration.ofMinutes(4), () -> {
            Set<String> acknowledged = sim.webhookDeliveries().stream()
                    .filter(d -> d.eventId().startsWith(burst.prefix()) && d.status() == 200)
                    .map(d -> d.webhookId() + "/" + d.eventId()).collect(Collectors.toSet());
            if (acknowledged.size() != EVENTS) {
                stage("acknowledged " + acknowledged.size() + " of " + EVENTS);
            }
            return acknowledged.size() == EVENTS;
        });
    }

    private void awaitBackfillDone() throws Exception {
        awaitTrue(Duration.ofMinutes(4), () -> count("select count(*) from gladly_connections where company_id = " + companyId
                + " and status = 'healthy' and backfill_completed_at is not null") == 1);
    }

    private void assertEventsStoredExactlyOnce(Burst burst) throws Exception {
        long rows = count("select count(*) from gladly_events where company_id = " + companyId
                + " and event_id like '" + burst.prefix() + "%'");
        long distinct = count("select count(distinct event_id) from gladly_events where company_id = " + companyId
                + " and event_id like '" + burst.prefix() + "%'");
        assertThat(distinct).as("events lost").isEqualTo(EVENTS);
        assertThat(rows).as("events duplicated").isEqualTo(EVENTS);
        awaitTrue(Duration.ofMinutes(2), () -> count("select count(*) from gladly_events where company_id = " + companyId
                + " and processed_at is null") == 0);
        long changes = count("select count(*) from agent_state_changes where company_id = " + companyId
                + " and event_id like '" + burst.prefix() + "%'");
        assertThat(changes).as("state changes applied once per event").isEqualTo(EVENTS);
    }

    private void assertContactsMatchTheSimulator() throws Exception {
        Instant from = instant("select backfill_start from gladly_connections where company_id = " + companyId);
        Instant to = instant("select contacts_checkpoint from gladly_connections where company_id = " + companyId);
        Set<String> expected = sim.organization().contactsQueuedBetween(from, to, TestClocks.now()).stream()
                .map(SimContact::id).collect(Collectors.toSet());
        Set<String> stored = new HashSet<>();
        long rows = 0;
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select external_id from contacts where company_id = " + companyId
                     + " and queued_at >= '" + from + "' and queued_at < '" + to + "'")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
                rows++;
            }
        }
        assertThat(expected).as("the backfill covered contacts").hasSizeGreaterThan(100);
        assertThat(stored).as("contacts against the simulator's ground truth").isEqualTo(expected);
        assertThat(rows).as("contacts duplicated").isEqualTo(expected.size());
    }

    private long count(String sql) throws Exception {
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Instant instant(String sql) throws Exception {
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    /** The test reads the database directly, not through the relay Rostra uses. */
    private Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
    }

    private String send(String method, String url, String auth, Object body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body)));
        if (auth != null) b.header("Authorization", auth);
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + url + ": " + r.body()).isEqualTo(expected);
        return r.body();
    }

    private static JsonNode json(String body) {
        return Http.JSON.readTree(body);
    }

    private static boolean postgresReachable() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void stage(String what) {
        System.out.println("[faults " + Instant.now() + "] " + what);
    }

    private static void awaitTrue(Duration patience, Check check) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (!check.ok()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + patience);
            }
            Thread.sleep(250);
        }
    }

    /** Agent log-ins and log-outs emitted by the simulator at a steady pace, each with its own event id. */
    static final class Burst {
        private final String prefix = "fault-" + System.nanoTime() + "-";
        private final Thread thread;
        private volatile int emitted;

        private Burst(GladlySimulator sim, int events, int agents, Duration over) {
            long pauseNanos = over.toNanos() / events;
            thread = new Thread(() -> {
                long next = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    String agent = "fault-agent-" + (i % agents);
                    Instant at = TestClocks.now();
                    String type = (i / agents) % 2 == 0 ? "AGENT_STATUS/LOGGED_IN" : "AGENT_STATUS/LOGGED_OUT";
                    sim.emit(new SimEvent(prefix + i, type, at, Map.of("id", agent, "type", "AGENT"),
                            Map.of("agentId", agent, "occurredAt", at.toString())));
                    emitted = i + 1;
                    next += pauseNanos;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) java.util.concurrent.locks.LockSupport.parkNanos(sleep);
                }
            }, "fault-burst");
            thread.start();
        }

        static Burst start(GladlySimulator sim, int events, int agents, Duration over) {
            return new Burst(sim, events, agents, over);
        }

        String prefix() {
            return prefix;
        }

        int emitted() {
            return emitted;
        }

        void join() throws InterruptedException {
            thread.join();
        }
    }
}
