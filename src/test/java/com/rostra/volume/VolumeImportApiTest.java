package com.rostra.volume;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Historical volume from another system: spread onto intervals, replaced on re-import, every bad row reported. */
class VolumeImportApiTest extends ApiTest {

    private Http.Response importCsv(TestCompany company, String query, String csv) {
        return http.postRaw("/api/v1/volume/import" + query, company.auth(), "text/csv", csv);
    }

    private Map<String, Long> volume(TestCompany company, String query) {
        Http.Response r = http.get("/api/v1/volume?" + query, company.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode i : r.json().get("intervals")) {
            counts.merge(i.get("start").asString() + " " + i.get("key").asString(), i.get("count").asLong(), Long::sum);
        }
        return counts;
    }

    @Test
    void halfHourlyHistoryFeedsVolumeAndIsReplacedWhenImportedAgain() {
        TestCompany company = newCompany("America/New_York");
        long queue = http.post("/api/v1/queues", company.auth(), Map.of("name", "Phones", "channels", List.of("phone")))
                .json().get("id").asLong();
        String csv = """
                interval_start,queue_id,channel,count
                2026-01-05T09:00:00-05:00,%d,phone,5
                2026-01-05T09:30:00-05:00,%d,phone,8
                2026-01-05T09:00:00-05:00,,email,3
                """.formatted(queue, queue);
        Http.Response r = importCsv(company, "", csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isEqualTo(3);
        assertThat(r.json().get("interval_minutes").asInt()).as("read from the rows' spacing").isEqualTo(30);

        String day = "start=2026-01-05T05:00:00Z&end=2026-01-06T05:00:00Z";
        assertThat(volume(company, day + "&interval=60m&group_by=queue"))
                .containsEntry("2026-01-05T14:00:00Z " + queue, 13L).containsEntry("2026-01-05T14:00:00Z no_queue", 3L);
        Map<String, Long> quarters = volume(company, day + "&interval=15m&group_by=channel");
        assertThat(quarters.get("2026-01-05T14:00:00Z phone") + quarters.get("2026-01-05T14:15:00Z phone"))
                .as("a half hour's count is split over its quarter hours, total kept").isEqualTo(5L);
        assertThat(quarters.get("2026-01-05T14:00:00Z phone")).isBetween(2L, 3L);
        assertThat(volume(company, day + "&interval=1d&group_by=none")).containsEntry("2026-01-05T05:00:00Z all", 16L);
        JsonNode perQueue = http.get("/api/v1/queues/" + queue + "/volume?" + day + "&interval=1d", company.auth()).json();
        assertThat(perQueue.get("intervals").toString()).contains("\"key\":\"phone\"", "\"count\":13");

        // The same interval again replaces, it does not add.
        Http.Response again = importCsv(company, "?interval_minutes=30",
                "interval_start,queue_id,channel,count\n2026-01-05T09:00:00-05:00," + queue + ",phone,1\n");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(volume(company, day + "&interval=60m&group_by=queue")).containsEntry("2026-01-05T14:00:00Z " + queue, 9L);

        // A parent over the queue counts its imported history too; deleting the queue hands it to the parent.
        long parent = http.post("/api/v1/queues", company.auth(), Map.of("name", "Voice")).json().get("id").asLong();
        assertThat(http.put("/api/v1/queues/" + queue, company.auth(), Map.of("name", "Phones", "parent_id", parent,
                "channels", List.of("phone"))).status()).isEqualTo(200);
        assertThat(volume(company, day + "&interval=60m&group_by=queue")).containsEntry("2026-01-05T14:00:00Z " + parent, 9L);
        assertThat(http.delete("/api/v1/queues/" + queue, company.auth()).status()).isEqualTo(204);
        Map<String, Long> after = volume(company, day + "&interval=60m&group_by=queue");
        assertThat(after).containsEntry("2026-01-05T14:00:00Z " + parent, 9L).containsEntry("2026-01-05T14:00:00Z no_queue", 3L)
                .doesNotContainKey("2026-01-05T14:00:00Z " + queue);
    }

    @Test
    void everyBadRowIsReportedAndNothingIsImportedUnlessPartial() {
        TestCompany company = newCompany();
        TestCompany other = newCompany();
        long foreign = http.post("/api/v1/queues", other.auth(), Map.of("name", "Theirs")).json().get("id").asLong();
        String csv = """
                interval_start,queue_id,channel,count
                2026-01-05T09:00:00Z,,phone,5
                yesterday,,phone,5
                2026-01-05T09:15:00Z,%d,phone,5
                2026-01-05T09:15:00Z,,fax,5
                2026-01-05T09:15:00Z,,chat,-2
                2026-01-05T09:20:00Z,,chat,4
                """.formatted(foreign);
        Http.Response r = importCsv(company, "?interval_minutes=15", csv);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        JsonNode errors = r.json().get("errors");
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("interval_start");
        assertThat(errors.get(1).get("field").asString()).as("another company's queue does not exist here").isEqualTo("queue_id");
        assertThat(errors.get(2).get("field").asString()).isEqualTo("channel");
        assertThat(errors.get(3).get("field").asString()).isEqualTo("count");
        assertThat(errors.get(4).get("row").asInt()).isEqualTo(7);
        assertThat(errors.get(4).get("message").asString()).contains("15-minute");
        assertThat(volume(company, "start=2026-01-05T00:00:00Z&end=2026-01-06T00:00:00Z&interval=1d"))
                .containsEntry("2026-01-05T00:00:00Z all", 0L);

        Http.Response partial = importCsv(company, "?interval_minutes=15&partial=true", csv);
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().get("imported").asInt()).isEqualTo(1);
        assertThat(volume(company, "start=2026-01-05T00:00:00Z&end=2026-01-06T00:00:00Z&interval=1d"))
                .containsEntry("2026-01-05T00:00:00Z all", 5L);

        assertThat(importCsv(company, "?interval_minutes=7", csv).json().get("errors").get(0).get("field").asString())
                .isEqualTo("interval_minutes");
        assertThat(importCsv(company, "", "when,count\n1,2\n").json().get("errors").toString()).contains("missing column interval_start");
        assertThat(importCsv(company, "", "interval_start,channel,count\n2026-01-05T09:00:00Z,phone,1\n2026-01-05T11:00:00Z,phone,1\n")
                .json().get("errors").get(0).get("message").asString()).contains("pass interval_minutes");
        assertThat(http.get("/api/v1/volume/import/template", company.auth()).body()).startsWith("interval_start,queue_id,channel,count");
    }
}
