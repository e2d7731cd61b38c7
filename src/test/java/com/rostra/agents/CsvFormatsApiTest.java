package com.rostra.agents;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV files as spreadsheets save them: Excel's UTF-8 byte-order mark, Windows line ends, quoted cells that span
 * lines. Every importer reads them, and row numbers still match what the spreadsheet shows.
 */
class CsvFormatsApiTest extends ApiTest {

    private static final String BOM = "\uFEFF";

    @Test
    void peopleImportReadsBomCrlfAndMultiLineCellsAndNumbersRowsAsTheSpreadsheet() {
        TestCompany c = newCompany();
        String csv = BOM + "first_name,last_name,email,team\r\n"
                + "Ann,Lee,ann@example.com,\"Phones\r\nNight shift\"\r\n"
                + "Bob,,not-an-email,Chat\r\n"
                + "Cy,\"Ng, Jr.\",cy@example.com,Email\r\n";
        Http.Response all = http.postRaw("/api/v1/people/import", c.auth(), "text/csv", csv);
        assertThat(all.status()).as(all.body()).isEqualTo(422);
        assertThat(all.json().get("errors")).extracting(e -> e.get("row").asInt() + ":" + e.get("field").asString())
                .containsExactly("3:email");

        Http.Response partial = http.postRaw("/api/v1/people/import?partial=true", c.auth(), "text/csv", csv);
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().get("created").asInt()).isEqualTo(2);
        JsonNode people = http.get("/api/v1/people", c.auth()).json();
        assertThat(people).extracting(p -> p.get("email").asString()).containsExactlyInAnyOrder("ann@example.com", "cy@example.com");
        for (JsonNode p : people) {
            if (p.get("email").asString().equals("ann@example.com")) {
                assertThat(p.get("first_name").asString()).as("the BOM is not part of the first header").isEqualTo("Ann");
                assertThat(p.get("team").asString()).startsWith("Phones").endsWith("Night shift");
            } else {
                assertThat(p.get("last_name").asString()).isEqualTo("Ng, Jr.");
            }
        }
    }

    @Test
    void scheduleAndVolumeImportsReadBomAndCrlf() {
        TestCompany c = newCompany();
        http.post("/api/v1/people", c.auth(), Map.of("first_name", "Dee", "email", "dee@example.com"));
        Http.Response schedule = http.postRaw("/api/v1/activities/import", c.auth(), "text/csv", BOM
                + "person_email,activity_type,start,end\r\n"
                + "dee@example.com,Phone,2026-11-23T09:00:00Z,2026-11-23T12:00:00Z\r\n"
                + "dee@example.com,Lunch,2026-11-23T12:00:00Z,2026-11-23T12:30:00Z\r\n");
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/activities?start=2026-11-23T00:00:00Z&end=2026-11-24T00:00:00Z", c.auth()).json())
                .extracting(a -> a.get("activity_type").asString()).containsExactlyInAnyOrder("Phone", "Lunch");

        long queue = http.post("/api/v1/queues", c.auth(), Map.of("name", "Phones", "channels", List.of("phone")))
                .json().get("id").asLong();
        Http.Response volume = http.postRaw("/api/v1/volume/import", c.auth(), "text/csv", BOM
                + "interval_start,queue_id,channel,count\r\n"
                + "2026-01-05T09:00:00Z," + queue + ",phone,5\r\n"
                + "2026-01-05T09:30:00Z," + queue + ",phone,8\r\n");
        assertThat(volume.status()).as(volume.body()).isEqualTo(200);
        assertThat(volume.json().get("imported").asInt()).isEqualTo(2);
    }
}
