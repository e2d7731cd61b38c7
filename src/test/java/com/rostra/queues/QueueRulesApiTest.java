package com.rostra.queues;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.tenancy.CompanyId;

import static com.rostra.queues.QueueFixtures.externalIds;
import static com.rostra.queues.QueueFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operator on every attribute, through the API: one queue whose rules are replaced case by case, each
 * replacement re-assigning the stored contacts, read back with {@code GET /api/v1/contacts?queue_id=}.
 */
class QueueRulesApiTest extends ApiTest {

    @Autowired
    ContactStore store;

    record Case(List<Map<String, Object>> rules, Set<String> expected) {}

    private static Case when(Set<String> expected, Map<String, Object>... rules) {
        return new Case(List.of(rules), expected);
    }

    @Test
    void eachOperatorOnEachAttributeSelectsExactlyTheMatchingContacts() {
        TestCompany company = newCompany();
        store.upsert(new CompanyId(company.id()), QueueFixtures.sample());
        Http.Response created = http.post("/api/v1/queues", company.auth(), Map.of("name", "Under test",
                "rules", List.of(rule("channel", "is", "phone"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        List<Case> cases = List.of(
                when(Set.of("c1", "c4"), rule("channel", "is", "phone")),
                when(Set.of("c2", "c3", "c5", "c6", "c7"), rule("channel", "is_not", "phone")),
                when(Set.of("c4"), rule("direction", "is", "outbound")),
                when(Set.of("c1", "c4"), rule("inbox_when_queued", "is", "Billing")),
                when(Set.of("c1", "c4"), rule("inbox_when_queued", "is", "in-b")),
                when(Set.of("c1", "c2", "c4"), rule("inbox_when_queued", "starts_with", "billing")),
                when(Set.of("c5"), rule("inbox_when_queued", "contains", "0%_")),
                when(Set.of(), rule("inbox_when_queued", "contains", "Bi_ling")),
                when(Set.of("c1", "c2", "c4"), rule("inbox_when_queued", "matches", "*ing*")),
                when(Set.of("c2"), rule("inbox_when_queued", "matches", "B*s")),
                when(Set.of("c2", "c3", "c5", "c6", "c7"), rule("inbox_when_queued", "is_not", "Billing")),
                when(Set.of("c2", "c3"), rule("inbox_when_ended", "is", "Returns")),
                when(Set.of("c2"), rule("status", "is", "Unanswered")),
                when(Set.of("c2", "c5"), rule("status", "is", "open")),
                when(Set.of("c6"), rule("gladly_channel", "is", "FB_MESSENGER")),
                when(Set.of("c1"), rule("entry_point", "starts_with", "+1 800")),
                when(Set.of("c1", "c4"), rule("entry_point", "matches", "+1 * 555 *")),
                when(Set.of("c1", "c3", "c4"), rule("channel", "is", "phone"), rule("channel", "is", "chat")),
                when(Set.of("c1"), rule("channel", "is", "phone"), rule("direction", "is", "INBOUND")),
                when(Set.of("c3", "c5", "c6", "c7"),
                        rule("inbox_when_queued", "is_not", "Billing"), rule("inbox_when_queued", "is_not", "Billing Escalations")));
        for (Case c : cases) {
            Http.Response put = http.put("/api/v1/queues/" + id, company.auth(), Map.of("name", "Under test", "rules", c.rules()));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(externalIds(http, company.auth(), "queue_id=" + id)).as(c.rules().toString()).isEqualTo(c.expected());
            Set<String> rest = new java.util.TreeSet<>(Set.of("c1", "c2", "c3", "c4", "c5", "c6", "c7"));
            rest.removeAll(c.expected());
            assertThat(externalIds(http, company.auth(), "queue_id=no_queue")).as(c.rules().toString()).isEqualTo(rest);
        }
        assertThat(http.get("/api/v1/queues/assignment", company.auth()).json().get("status").asString()).isEqualTo("up_to_date");
    }

    @Test
    void badRulesAreReportedFieldByField() {
        TestCompany company = newCompany();
        Http.Response r = http.post("/api/v1/queues", company.auth(), Map.of("name", " ", "rules", List.of(
                rule("colour", "is", "red"), rule("channel", "like", "phone"), rule("direction", "is", " "),
                rule("channel", "is", "fax")), "channels", List.of("pigeon")));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"name\"", "rules[0].attribute", "rules[1].operator", "rules[2].value",
                "rules[3].value", "\"channels\"");

        assertThat(http.postRaw("/api/v1/queues", company.auth(), "application/json", "{\"name\": ").status()).isEqualTo(400);
        assertThat(http.post("/api/v1/queues", company.auth(), Map.of("name", "A", "parent_id", 999_999_999)).body())
                .contains("parent_id");

        assertThat(http.post("/api/v1/queues", company.auth(), Map.of("name", "Billing")).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/queues", company.auth(), Map.of("name", "billing")).status())
                .as("names are unique regardless of case").isEqualTo(409);

        assertThat(http.put("/api/v1/exclusions", company.auth(), Map.of("exclusions", List.of(rule("direction", "is", ""))))
                .body()).contains("exclusions[0].value");
    }

    @Test
    void aQueueCannotBeMovedInsideItsOwnChild() {
        TestCompany company = newCompany();
        long parent = http.post("/api/v1/queues", company.auth(), Map.of("name", "Parent")).json().get("id").asLong();
        long child = http.post("/api/v1/queues", company.auth(), Map.of("name", "Child", "parent_id", parent)).json().get("id").asLong();
        Http.Response r = http.put("/api/v1/queues/" + parent, company.auth(), Map.of("name", "Parent", "parent_id", child));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("parent_id");
        assertThat(http.delete("/api/v1/queues/" + parent, company.auth()).status())
                .as("a parent with children is not deleted").isEqualTo(409);
    }
}
