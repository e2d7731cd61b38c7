package com.rostra.web;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GET page routes the application has, read from Spring's handler mapping (as {@link PageRolesTest} does), so a
 * page added tomorrow is checked by the page tests the day it is added, without anyone remembering to list it.
 */
final class PageRoutes {

    /** One company's resources that the routes' path variables are bound to. */
    record Bindings(long queueId, long personId, long generationId, String date) {}

    private PageRoutes() {}

    /** Patterns of every GET route of the page controllers, but the sign-in page and never-ending event streams. */
    static Set<String> getPatterns(RequestMappingHandlerMapping mapping) {
        Set<String> patterns = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().equals("com.rostra.web")) return;
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) return;
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/login") || pattern.endsWith("/stream")) continue;
                patterns.add(pattern);
            }
        });
        // The mapping was read at all: these pages exist (the ones issue 11's first page list missed among them).
        assertThat(patterns).contains("/realtime", "/settings/api-keys", "/adherence", "/forecasts/special-days",
                "/schedules/generate", "/people/{id}/timeline");
        return patterns;
    }

    /** The pattern with its path variables bound; a variable this does not know fails the calling test. */
    static String bind(String pattern, Bindings ids) {
        String path = pattern;
        if (pattern.startsWith("/settings/queues/")) path = path.replace("{id}", Long.toString(ids.queueId()));
        if (pattern.startsWith("/people/")) path = path.replace("{id}", Long.toString(ids.personId()));
        if (pattern.startsWith("/schedules/generate/")) path = path.replace("{id}", Long.toString(ids.generationId()));
        path = path.replace("{date}", ids.date());
        assertThat(path).as(pattern + ": bind its path variables in PageRoutes.bind").doesNotContain("{");
        return path;
    }

    /** A whole page (what a browser opens), not an htmx fragment or a download. */
    static boolean wholePage(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("").startsWith("text/html") && r.body().contains("<html");
    }
}
