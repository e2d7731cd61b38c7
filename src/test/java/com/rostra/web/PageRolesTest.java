package com.rostra.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;
import com.rostra.tenancy.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page role matrix, over every page route the application has (read from Spring's handler mapping, so a new page
 * is checked the day it is added): agents read Realtime and the team's schedule; managers also plan (queues,
 * forecasts, staffing, schedules, people); admins also change the company's settings. Everything else is denied.
 */
class PageRolesTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    /** The matrix, written out: the least role that may use the route. */
    static Role required(String method, String path) {
        if (path.startsWith("/settings/queues")) return Role.MANAGER;
        if (path.startsWith("/settings")) return Role.ADMIN;
        boolean read = method.equals("GET");
        if (read && (path.equals("/") || path.startsWith("/realtime") || path.equals("/schedules")
                || path.equals("/schedules/template.csv"))) return Role.AGENT;
        return Role.MANAGER;
    }

    /** ADMIN < MANAGER < AGENT in the enum: a lower ordinal may do more. */
    static boolean allowed(Role who, Role needed) {
        return who.ordinal() <= needed.ordinal();
    }

    record Route(String method, String path) {}

    private List<Route> pageRoutes() {
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().equals("com.rostra.web")) return;
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/login") || pattern.endsWith("/stream")) continue; // public / a never-ending stream
                String path = pattern.replace("{id}", "1").replace("{date}", "2026-12-25");
                if (methods.isEmpty()) routes.add(new Route("GET", path));
                for (RequestMethod m : methods) routes.add(new Route(m.name(), path));
            }
        });
        return routes;
    }

    @Test
    void everyPageRouteFollowsTheRoleMatrix() {
        TestCompany c = newCompany();
        Map<Role, PageSession> sessions = PageSession.signInEachRole(port,
                role -> addUser(c, role.wireName(), "A " + role.wireName()), USER_PASSWORD);
        List<Route> routes = pageRoutes();
        assertThat(routes).hasSizeGreaterThan(30);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            for (Role role : Role.values()) {
                PageSession s = sessions.get(role);
                HttpResponse<String> r = route.method().equals("GET") ? s.fetch(route.path()) : s.post(route.path(), Map.of());
                boolean expected = allowed(role, required(route.method(), route.path()));
                boolean denied = r.statusCode() == 403;
                if (expected == denied) wrong.add(role + " " + route.method() + " " + route.path() + " -> " + r.statusCode());
                if (r.statusCode() >= 500) wrong.add(role + " " + route.method() + " " + route.path() + " -> " + r.statusCode() + " (a 500)");
            }
        }
        assertThat(wrong).as("routes that break the matrix").isEmpty();
    }
}
