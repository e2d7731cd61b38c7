package com.rostra.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.PageSession;
import com.rostra.tenancy.Role;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's side of the role matrix, over every {@code /api/**} operation of {@code /v3/api-docs} (so a new route is
 * checked the day it is published): the API is key-only, so a signed-in user's session cookie, whatever the role,
 * answers 401; and a webhook-scoped key (what goes into Gladly) answers 403. The operator's routes take only the
 * operator's bearer token, so any key there is a 401.
 */
class ApiRolesTest extends ApiTest {

    record Operation(String method, String path) {}

    private static boolean operatorRoute(String template) {
        return template.equals("/api/v1/companies") || template.startsWith("/api/v1/companies/");
    }

    private List<Operation> apiOperations() {
        JsonNode doc = http.get("/v3/api-docs", null).json();
        List<Operation> operations = new ArrayList<>();
        for (var path : doc.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) continue;
            // Authentication comes before any handler, so any value binds a path parameter.
            String url = path.getKey().replaceAll("\\{[^}]+}", "1");
            for (var op : path.getValue().properties()) {
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), url));
            }
        }
        return operations;
    }

    @Test
    void aSignedInUsersSessionIsRefusedOnEveryApiRouteAndAWebhookKeyIsForbidden() {
        TestCompany c = newCompany();
        Map<Role, PageSession> sessions = PageSession.signInEachRole(port,
                role -> addUser(c, role.wireName(), "An " + role.wireName()), USER_PASSWORD);
        sessions.forEach((role, session) ->
                assertThat(session.fetch("/realtime").statusCode()).as(role + " is signed in").isEqualTo(200));
        Http.Response created = http.post("/api/v1/api-keys", c.auth(), Map.of("name", "Gladly webhook", "scope", "webhook"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String webhookKey = Http.key(created.json().get("key").asString());

        List<Operation> operations = apiOperations();
        assertThat(operations).as("API operations in the document").hasSizeGreaterThan(70);
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            for (Role role : Role.values()) {
                HttpResponse<String> r = sessions.get(role).call(op.method(), op.path());
                if (r.statusCode() != 401) wrong.add(role + " session " + op.method() + " " + op.path() + " -> " + r.statusCode());
            }
            int keyStatus = http.send(op.method(), op.path(), webhookKey,
                    op.method().equals("GET") || op.method().equals("DELETE") ? null : Map.of()).status();
            int expected = operatorRoute(op.path()) ? 401 : 403;
            if (keyStatus != expected) {
                wrong.add("webhook key " + op.method() + " " + op.path() + " -> " + keyStatus + " (want " + expected + ")");
            }
        }
        assertThat(wrong).as("API routes that take a session or a webhook key").isEmpty();
    }
}
