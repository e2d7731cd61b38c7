package com.rostra.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.rostra.RostraApplication;
import com.rostra.simulator.SimulatedOrganization;
import com.rostra.simulator.SimulatorConfig;
import com.rostra.support.Http;
import com.rostra.support.TestClocks;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's demo: Rostra with the simulator and a connected demo company. The API shows contacts, agent states
 * and a healthy integration, with the fixed credentials a scripted tour uses. The demo runs on the suite's clock
 * (a Wednesday noon in New York), so the agents at work are the same whenever the suite runs; how long the demo takes
 * to show data is measured by {@code bench/demo-startup.sh}, not asserted here.
 */
class DemoModeTest {

    @Test
    void demoShowsContactsAgentStatesAndHealthWithinAMinute() {
        String key = "rk_demo_tour_key_for_tests_0123456789";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RostraApplication.class)
                .profiles("demo")
                // Command-line arguments outrank application.properties (and any ROSTRA_DB_URL of the suite run):
                // the demo always runs on its own embedded database.
                .run("--server.port=0", "--rostra.demo.api-key=" + key, "--rostra.demo.password=demo-password-123",
                        "--rostra.demo.backfill-days=7", "--rostra.clock.start-at=" + TestClocks.START,
                        "--spring.datasource.url=jdbc:h2:mem:demo-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa", "--spring.datasource.password=",
                        "--rostra.gladly.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                        "--logging.level.root=WARN")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Http http = new Http("http://127.0.0.1:" + port);
            String auth = Http.key(key);
            assertThat(http.get("/login", null).body()).as("the demo's sign-in page names its user")
                    .contains("Demo: sign in as", "admin@demo.rostra.local");
            assertThat(http.get("/api/v1/business-hours", auth).json().get("weekly")).as("the demo desk's week").hasSize(6);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    http.get("/api/v1/integrations/gladly", auth).json().get("status").asString().equals("healthy"));
            JsonNode status = http.get("/api/v1/integrations/gladly", auth).json();
            assertThat(status.get("contacts_synced").asLong()).isGreaterThan(1000);
            assertThat(http.get("/api/v1/contacts?limit=5", auth).json().get("contacts")).hasSize(5);
            // Current states come from the live webhook and the Events API's last 24 hours: every agent the simulated
            // organization reported in that window, which at this hour of a weekday is all 20.
            Instant now = TestClocks.now();
            Set<String> reported = new SimulatedOrganization(SimulatorConfig.defaults(42))
                    .agentEventsBetween(now.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)), now).stream()
                    .filter(e -> e.type().startsWith("AGENT_STATUS/")).map(e -> e.content().get("agentId").toString())
                    .collect(Collectors.toSet());
            assertThat(reported).hasSize(20);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get("/api/v1/agent-states/current", auth).json())
                    .extracting(row -> row.get("gladly_agent_id").asString()).containsExactlyInAnyOrderElementsOf(reported));
            assertThat(http.get("/api/v1/gladly/agents", auth).json()).hasSize(20);

            // The demo's queues split the simulated inboxes; the Spam inbox is excluded company-wide.
            JsonNode queues = http.get("/api/v1/queues", auth).json();
            assertThat(queues).hasSize(5);
            long support = queues.get(0).get("id").asLong();
            assertThat(http.get("/api/v1/contacts?limit=20&queue_id=" + support, auth).json().get("contacts"))
                    .isNotEmpty().allSatisfy(c -> assertThat(c.get("inbox_when_queued").asString()).startsWith("Support"));
            assertThat(http.get("/api/v1/contacts?limit=20&excluded=true", auth).json().get("contacts"))
                    .allSatisfy(c -> assertThat(c.get("inbox_when_queued").asString()).isEqualTo("Spam"));

            // Every simulated agent is a person with shifts around today, so Realtime shows adherence.
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/people", auth).json().size() == 20);
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/activities?start=" + now.minus(Duration.ofDays(1))
                    + "&end=" + now.plus(Duration.ofDays(1)), auth).json().size() > 20);
            assertThat(http.get("/api/v1/people", auth).json()).as("the demo's people work channels (People shows them)")
                    .allSatisfy(p -> assertThat(p.get("channels").size()).isPositive());
            JsonNode current = http.get("/api/v1/agent-states/current", auth).json();
            assertThat(current).allSatisfy(row -> assertThat(row.get("person_id").isNull()).isFalse());

            // Scheduling inputs are there too: a pending time off request and contracts, ready to generate next week.
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/time-off?status=requested", auth).json().size() == 1);
            long someone = http.get("/api/v1/people", auth).json().get(0).get("id").asLong();
            assertThat(http.get("/api/v1/people/" + someone + "/contract", auth).json().get("contract").get("min_hours_per_week").asInt())
                    .isPositive();

            // Forecasting's history: 13 weeks (the older ones imported in the background) with a holiday among them, a
            // coming holiday, and today's intraday line.
            java.time.ZoneId zone = java.time.ZoneId.of("America/New_York");
            java.time.LocalDate today = now.atZone(zone).toLocalDate();
            java.time.LocalDate past = DemoHistory.pastHoliday(today);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() ->
                    http.get("/api/v1/special-days/" + DemoHistory.comingHoliday(today), auth).status() == 200);
            assertThat(http.get("/api/v1/special-days/" + past, auth).json().get("kind").asString()).isEqualTo("holiday");
            JsonNode days = http.get("/api/v1/volume?interval=1d&start=" + today.minusDays(91) + "&end=" + today, auth).json().get("intervals");
            long first = days.get(0).get("count").asLong();
            assertThat(first).as("13 weeks back").isGreaterThan(100);
            long holidayCount = 0;
            long weekBefore = 0;
            for (JsonNode d : days) {
                String day = d.get("start").asString();
                if (java.time.Instant.parse(day).atZone(zone).toLocalDate().equals(past)) holidayCount = d.get("count").asLong();
                if (java.time.Instant.parse(day).atZone(zone).toLocalDate().equals(past.minusWeeks(1))) weekBefore = d.get("count").asLong();
            }
            assertThat(holidayCount).as("the holiday is quiet").isPositive().isLessThan(weekBefore / 2);
            JsonNode forecast = http.get("/api/v1/forecasts?interval=1d&start=" + today.atStartOfDay(zone).toOffsetDateTime()
                    + "&end=" + today.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), auth).json();
            assertThat(forecast.get("intervals")).hasSize(1);
            assertThat(forecast.get("intervals").get(0).get("intraday").isNull()).as("today's intraday line").isFalse();
        }
    }
}
