package com.rostra.web;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Staffing page's settings form takes shares in percent, so it states their bounds in percent (1 % to 99.9 %,
 * 0 % to 90 %, 10 % to 100 %), in a preview as after a save; a value that is no number says so instead.
 */
class StaffingSettingsFormPageTest extends ApiTest {

    private static final String SERVICE_LEVEL = "must be from 1 % to 99.9 %, e.g. 80 %";
    private static final String SHRINKAGE = "must be from 0 % to 90 %";
    private static final String OCCUPANCY = "must be from 10 % to 100 %";

    @Test
    void percentFieldsStateTheirBoundsInPercent() {
        TestCompany c = newCompany();
        PageSession lead = PageSession.signIn(port, addUser(c, "manager", "Lee Lead"), USER_PASSWORD);

        String preview = lead.get("/staffing?channel=phone&service_level_pct=100&shrinkage_pct=95&max_occupancy_pct=5");
        assertThat(preview).contains(SERVICE_LEVEL).contains(SHRINKAGE).contains(OCCUPANCY);

        String notANumber = lead.get("/staffing?channel=phone&shrinkage_pct=lots&max_occupancy_pct=101");
        assertThat(notANumber).contains("&#39;lots&#39; is not a number").contains(OCCUPANCY).doesNotContain(SHRINKAGE);

        HttpResponse<String> saved = lead.post("/staffing/settings", Map.of("channel", "phone",
                "service_level_pct", "0.5", "shrinkage_pct", "30", "max_occupancy_pct", "85"));
        assertThat(saved.statusCode()).isEqualTo(302);
        URI location = URI.create(saved.headers().firstValue("Location").orElseThrow());
        String after = lead.get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
        assertThat(after).contains(SERVICE_LEVEL).doesNotContain(SHRINKAGE).doesNotContain("Saved the staffing settings");
        assertThat(http.get("/api/v1/staffing-settings/all/phone", c.auth()).json().get("service_level").asDouble())
                .as("nothing saved").isNotEqualTo(0.005);
    }
}
