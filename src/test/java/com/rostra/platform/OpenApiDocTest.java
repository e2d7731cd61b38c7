package com.rostra.platform;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The API description a customer's developer reads: every operation says what it does, and how to authorize. */
class OpenApiDocTest extends ApiTest {

    @Test
    void everyOperationHasASummaryADescriptionAndTheErrorShape() {
        JsonNode doc = http.get("/v3/api-docs", null).json();
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                operations++;
                JsonNode o = op.getValue();
                String id = op.getKey().toUpperCase() + " " + path.getKey();
                if (!o.has("summary") || o.get("summary").asString().isBlank()) undocumented.add(id + " (summary)");
                if (!o.has("description") || o.get("description").asString().isBlank()) undocumented.add(id + " (description)");
                assertThat(o.get("responses").has("400")).as(id).isTrue();
            }
        }
        assertThat(operations).isGreaterThan(50);
        assertThat(undocumented).as("operations without a summary or description").isEmpty();
        assertThat(doc.get("components").get("securitySchemes").get("companyKey").get("scheme").asString()).isEqualTo("basic");
        assertThat(doc.get("components").get("securitySchemes").get("operatorToken").get("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.get("paths").get("/api/v1/companies").get("post").get("security").toString()).contains("operatorToken");
    }
}
