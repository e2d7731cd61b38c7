package com.rostra.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;
import com.rostra.support.ScheduleFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** The Staffing page shows the agents scheduled on the channel per quarter hour, next to the requirement. */
class StaffingScheduledPageTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Test
    void scheduledAgentsPerQuarterHourComeFromTheSchedules() {
        TestCompany c = newCompany(ZONE.getId());
        LocalDate day = today(ZONE).plusDays(1);
        Instant nine = day.atTime(9, 0).atZone(ZONE).toInstant();
        for (String name : new String[] {"ana", "ben"}) {
            long person = http.post("/api/v1/people", c.auth(), Map.of("first_name", name, "email", name + "-" + c.id() + "@example.com"))
                    .json().get("id").asLong();
            // ana 09:00-11:00 on the phone, ben 10:00-10:30
            Instant from = name.equals("ana") ? nine : nine.plusSeconds(3600);
            Instant to = name.equals("ana") ? nine.plusSeconds(7200) : nine.plusSeconds(5400);
            ScheduleFixtures.schedule(http, c, person, "Phone", from, to);
        }
        PageSession lead = PageSession.signIn(port, addUser(c, "manager", "Lee Lead"), USER_PASSWORD);
        String html = lead.get("/staffing?channel=phone&day=" + day);
        Matcher m = Pattern.compile("data-scheduled=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("the chart carries the scheduled agents").isTrue();
        String[] perQuarter = m.group(1).split("\\|");
        assertThat(perQuarter).hasSize(96);
        int[] expected = new int[96];
        for (int q = 36; q < 44; q++) expected[q]++;      // ana, 09:00-11:00
        for (int q = 40; q < 42; q++) expected[q]++;      // ben, 10:00-10:30
        for (int q = 0; q < 96; q++) {
            assertThat(Integer.parseInt(perQuarter[q])).as("quarter " + q).isEqualTo(expected[q]);
        }
        assertThat(html).doesNotContain("once schedules exist");
    }
}
