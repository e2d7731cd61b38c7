package com.rostra.web;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
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
import com.rostra.support.PageSession;
import com.rostra.support.WeeklyChats;
import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The generate-a-week page over plain HTTP: generate, watch the status, see coverage and shifts, publish; isolation. */
class ScheduleGenerationPageTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @Autowired
    ContactStore store;

    @Test
    void aWeekIsGeneratedWatchedAndPublishedFromThePageAndHiddenFromOtherCompanies() {
        TestCompany c = newCompany(ZONE.getId());
        store.upsert(new CompanyId(c.id()), WeeklyChats.sixWeeks(ZONE));
        http.put("/api/v1/staffing-settings/all/chat", c.auth(), new HashMap<>(Map.of("service_level", 0.8, "target_seconds", 60,
                "aht_seconds", 300, "shrinkage", 0.3, "max_occupancy", 0.85, "concurrency", 1)));
        long ann = 0;
        for (String n : List.of("ann", "bob")) {
            long id = http.post("/api/v1/people", c.auth(), Map.of("first_name", n, "email", n + "-" + c.id() + "@example.com",
                    "channels", List.of("chat"))).json().get("id").asLong();
            if (n.equals("ann")) ann = id;
        }
        PageSession page = PageSession.signIn(port, addUser(c, "admin", "Ada"), USER_PASSWORD);
        LocalDate monday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate wednesday = monday.plusDays(2);
        long off = http.post("/api/v1/time-off", c.auth(), Map.of("person_id", ann, "start", wednesday.atStartOfDay(ZONE).toOffsetDateTime().toString(),
                "end", wednesday.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime().toString())).json().get("id").asLong();
        assertThat(page.fetch("/schedules?week=" + monday).body()).contains("Time off (requested)");
        http.post("/api/v1/time-off/" + off + "/approve", c.auth(), Map.of());
        assertThat(page.fetch("/schedules?week=" + monday).body()).as("approved time off is on the schedule").contains(">Time off<");
        assertThat(page.fetch("/schedules").body()).contains("Generate a week");
        assertThat(page.fetch("/schedules/generate").body()).contains("Week starting", monday.toString());

        HttpResponse<String> started = page.post("/schedules/generate", Map.of("week", monday.toString(), "time_limit_seconds", "2"));
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("id=");
        long id = Long.parseLong(location.replaceAll(".*id=(\\d+).*", "$1"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> page.fetch("/schedules/generate/" + id + "/status").body().contains(">done<"));
        String done = page.fetch("/schedules/generate?week=" + monday + "&id=" + id).body();
        assertThat(done).contains("coverage-table", "shift-table", "publish-generation", "ann", "Expected service level", "score-table");

        PageSession mallory = PageSession.signIn(port, addUser(newCompany(), "admin", "Mallory"), USER_PASSWORD);
        assertThat(mallory.fetch("/schedules/generate?id=" + id).statusCode()).isEqualTo(404);
        assertThat(mallory.fetch("/schedules/generate/" + id + "/status").statusCode()).isEqualTo(404);
        assertThat(mallory.post("/schedules/generate/" + id + "/publish", Map.of("week", monday.toString())).statusCode()).isEqualTo(404);

        PageSession agent = PageSession.signIn(port, addUser(c, "agent", "Al"), USER_PASSWORD);
        assertThat(agent.post("/schedules/generate/" + id + "/publish", Map.of("week", monday.toString())).statusCode())
                .as("agents may look, not publish").isEqualTo(403);
        assertThat(agent.post("/schedules/generate", Map.of("week", monday.toString())).statusCode()).isEqualTo(403);

        HttpResponse<String> published = page.post("/schedules/generate/" + id + "/publish", Map.of("week", monday.toString()));
        assertThat(published.headers().firstValue("Location").orElseThrow()).contains("/schedules?week=");
        assertThat(http.get("/api/v1/activities?start=" + monday + "&end=" + monday.plusDays(8), c.auth()).json().size()).isPositive();
        assertThat(page.fetch("/schedules/generate?id=" + id).body()).doesNotContain("publish-generation");
    }
}
