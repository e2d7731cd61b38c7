package com.rostra.tenancy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysApiTest extends ApiTest {

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * A request that authenticates while the revoke's transaction is still open sees the key active (the revoke is not
     * committed) and caches it again after the revoke's own eviction. The key is evicted once more after the commit,
     * so it is refused at once, not when the cache entry expires.
     */
    @Test
    void aKeyCachedAgainWhileItsRevokeIsOpenIsRefusedOnceTheRevokeCommits() {
        TestCompany company = newCompany();
        JsonNode created = http.post("/api/v1/api-keys", company.auth(), Map.of("name", "Soon revoked")).json();
        String key = Http.key(created.get("key").asString());
        assertThat(http.get("/api/v1/queues", key).status()).as("used once: cached, last use recorded").isEqualTo(200);

        int[] duringRevoke = new int[1];
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            apiKeys.revoke(new CompanyId(company.id()), created.get("id").asLong());
            // Served by a request thread of the server, on its own connection: the revoke is not visible there yet.
            duringRevoke[0] = http.get("/api/v1/queues", key).status();
        });
        assertThat(duringRevoke[0]).as("the revoke not yet committed: the key still authenticates (and is cached again)")
                .isEqualTo(200);
        assertThat(http.get("/api/v1/queues", key).status()).as("right after the revoke commits").isEqualTo(401);
    }

    @Test
    void createListAndRevokeKeys() {
        TestCompany company = newCompany();

        Http.Response created = http.post("/api/v1/api-keys", company.auth(), Map.of("name", "Gladly webhook"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode key = created.json();
        assertThat(key.get("name").asString()).isEqualTo("Gladly webhook");
        assertThat(key.get("key").asString()).startsWith("rk_");
        assertThat(key.has("created_at")).isTrue();
        String newKey = key.get("key").asString();

        Http.Response list = http.get("/api/v1/api-keys", company.auth());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(2);
        assertThat(list.body()).doesNotContain(newKey).doesNotContain(company.apiKey());
        assertThat(list.json().get(1).get("last_used_at").isNull()).isTrue();
        assertThat(list.json().get(0).get("last_used_at").isNull()).as("the default key was just used").isFalse();
        assertThat(http.get("/api/v1/api-keys", Http.key(newKey)).status()).isEqualTo(200);

        Http.Response revoked = http.delete("/api/v1/api-keys/" + key.get("id").asLong(), company.auth());
        assertThat(revoked.status()).isEqualTo(204);

        Http.Response afterRevoke = http.get("/api/v1/api-keys", Http.key(newKey));
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.json().get("status").asInt()).isEqualTo(401);
        assertThat(http.get("/api/v1/api-keys", company.auth()).json()).hasSize(1);

        assertThat(http.delete("/api/v1/api-keys/" + key.get("id").asLong(), company.auth()).status())
                .as("revoking twice").isEqualTo(404);
    }

    @Test
    void passwordMayBeEmptyOrTheKeyButNothingElse() {
        TestCompany company = newCompany();
        assertThat(http.get("/api/v1/api-keys", Http.basic(company.apiKey(), "")).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/api-keys", Http.basic(company.apiKey(), company.apiKey())).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/api-keys", Http.basic(company.apiKey(), "guess")).status()).isEqualTo(401);
    }

    @Test
    void wrongOrMissingKeyIs401WithJson() {
        Http.Response missing = http.get("/api/v1/api-keys", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(missing.json().get("title").asString()).isEqualTo("Unauthorized");

        Http.Response wrong = http.get("/api/v1/api-keys", Http.key("rk_thisIsNotAKeyAtAllButLooksLikeOne"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void keyNameIsValidated() {
        TestCompany company = newCompany();
        Http.Response r = http.post("/api/v1/api-keys", company.auth(), Map.of("name", ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void oneCompanysKeyCannotSeeOrRevokeAnothersKeys() {
        TestCompany a = newCompany();
        TestCompany b = newCompany();
        long bKeyId = http.get("/api/v1/api-keys", b.auth()).json().get(0).get("id").asLong();

        assertThat(http.get("/api/v1/api-keys", a.auth()).json()).allSatisfy(k ->
                assertThat(k.get("id").asLong()).isNotEqualTo(bKeyId));
        assertThat(http.delete("/api/v1/api-keys/" + bKeyId, a.auth()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/api-keys", b.auth()).status()).as("B's key still works").isEqualTo(200);
    }
}
