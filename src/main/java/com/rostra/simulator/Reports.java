package com.rostra.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static com.rostra.simulator.SimHttp.text;

/**
 * Gladly's Reports API: {@code POST /api/v1/reports} for the Contact Export report (CSV), with its own limits (a
 * window of report requests, a few running at once), its row cap and the faults tests switch on.
 */
final class Reports implements SimHttp.Resource {

    private final SimHttp http;
    private final SimulatorConfig config;
    private final SimulatedOrganization org;
    private final SimulatorFaults faults;
    private final RateLimits limits;

    Reports(SimHttp http, SimulatorConfig config, SimulatedOrganization org, SimulatorFaults faults, RateLimits limits) {
        this.http = http;
        this.config = config;
        this.org = org;
        this.faults = faults;
        this.limits = limits;
    }

    @Override
    public int handle(HttpExchange ex, String method, String[] parts, Instant now) throws IOException {
        if (!method.equals("POST")) {
            return http.notFound(ex);
        }
        if (parts.length > 1 && parts[1].equals("work-session-events")) {
            return WorkSessionReport.serve(ex, org, limits, faults, now);
        }
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            body = http.json.readTree(in);
        } catch (JacksonException e) {
            return http.error(ex, 400, null, "invalid", "request body is not valid JSON");
        }
        String metricSet = text(body, "metricSet");
        if (metricSet == null) {
            return http.error(ex, 400, "metricSet", "blank", "metricSet is required");
        }
        if (!metricSet.equals("ContactExportReportV3")) {
            return http.error(ex, 400, "metricSet", "invalid", "metricSet " + metricSet + " is not available in this organization");
        }
        Instant from;
        Instant to;
        try {
            if (text(body, "startAtTime") != null || text(body, "endAtTime") != null) {
                if (text(body, "startAt") != null || text(body, "endAt") != null || text(body, "timezone") != null) {
                    return http.error(ex, 400, "startAtTime", "invalid", "do not combine startAtTime/endAtTime with startAt/endAt/timezone");
                }
                from = parseReportTime(text(body, "startAtTime"));
                to = parseReportTime(text(body, "endAtTime"));
            } else {
                ZoneId zone = text(body, "timezone") == null ? config.timeZone() : ZoneId.of(text(body, "timezone"));
                from = LocalDate.parse(text(body, "startAt")).atStartOfDay(zone).toInstant();
                // Whole days, inclusive of endAt.
                to = LocalDate.parse(text(body, "endAt")).plusDays(1).atStartOfDay(zone).toInstant();
            }
        } catch (DateTimeException | NullPointerException e) {
            return http.error(ex, 400, "startAt", "invalid", "startAt and endAt are required and must be valid times");
        }
        if (!to.isAfter(from)) {
            return http.error(ex, 400, "startAt", "invalid", "endAt must occur after startAt");
        }
        if (faults.reportsBeforeFailure.get() == 0) {
            return http.error(ex, 500, null, "internal", "simulated report outage");
        }
        if (!limits.acquireReport(now)) {
            return http.tooMany(ex, limits.remaining(now));
        }
        if (!limits.reportSlots.tryAcquire()) {
            return http.tooMany(ex, limits.remaining(now));
        }
        try {
            List<SimContact> contacts = org.contactsQueuedBetween(from, to, now);
            if (contacts.size() > config.reportRowCap()) {
                // Gladly caps report rows and truncates silently; clients must keep windows small.
                contacts = contacts.subList(0, config.reportRowCap());
            }
            String csv = GladlyPayloads.contactExportCsv(contacts, now,
                    "https://" + config.organization() + ".gladly.com", faults);
            faults.reportsBeforeFailure.getAndUpdate(n -> n > 0 ? n - 1 : n);
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=ContactExportReportV3.csv");
            return SimHttp.send(ex, 200, "text/csv; charset=utf-8", csv);
        } finally {
            limits.reportSlots.release();
        }
    }

    private static Instant parseReportTime(String value) {
        if (value == null) {
            throw new DateTimeException("missing");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // Gladly documents YYYY-mm-ddThh:mmZ (no seconds).
            return java.time.OffsetDateTime.parse(value, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX")).toInstant();
        }
    }
}
