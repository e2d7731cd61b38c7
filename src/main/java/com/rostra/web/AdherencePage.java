package com.rostra.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.rostra.adherence.AdherenceReport;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyUser;

/**
 * The adherence report: per person and per team over a range of local days (at most 31), sortable, with a CSV
 * download. Cells a spreadsheet would run as a formula are written as text.
 */
@Controller
class AdherencePage {

    private final AdherenceReport report;
    private final Companies companies;
    private final Clock clock;

    AdherencePage(AdherenceReport report, Companies companies, Clock clock) {
        this.report = report;
        this.companies = companies;
        this.clock = clock;
    }

    record Range(LocalDate from, LocalDate to, String error) {}

    record TeamRow(String team, int people, long scheduledSeconds, long inAdherenceSeconds, Double adherence) {}

    private Range range(ZoneId zone, String from, String to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        try {
            LocalDate f = from == null || from.isBlank() ? monday : LocalDate.parse(from);
            LocalDate t = to == null || to.isBlank() ? today : LocalDate.parse(to);
            if (t.isBefore(f)) return new Range(monday, today, "The last day is before the first; showing this week.");
            if (t.isAfter(f.plusDays(30))) return new Range(f, f.plusDays(30), "At most 31 days at a time; showing the first 31.");
            return new Range(f, t, null);
        } catch (DateTimeParseException e) {
            return new Range(monday, today, "Dates look like 2026-11-30; showing this week.");
        }
    }

    private List<AdherenceReport.PersonAdherence> rows(CompanyUser user, ZoneId zone, Range r, String sort) {
        Instant start = r.from().atStartOfDay(zone).toInstant();
        Instant end = r.to().plusDays(1).atStartOfDay(zone).toInstant();
        Comparator<AdherenceReport.PersonAdherence> order = switch (sort == null ? "" : sort) {
            case "adherence" -> Comparator.comparing(AdherenceReport.PersonAdherence::adherence, Comparator.nullsLast(Comparator.naturalOrder()));
            case "conformance" -> Comparator.comparing(AdherenceReport.PersonAdherence::conformance, Comparator.nullsLast(Comparator.naturalOrder()));
            case "team" -> Comparator.comparing((AdherenceReport.PersonAdherence p) -> p.team() == null ? "" : p.team())
                    .thenComparing(AdherenceReport.PersonAdherence::name, String.CASE_INSENSITIVE_ORDER);
            default -> Comparator.comparing(AdherenceReport.PersonAdherence::name, String.CASE_INSENSITIVE_ORDER);
        };
        return report.report(user.companyId(), start, end, null).stream().sorted(order).toList();
    }

    @GetMapping("/adherence")
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String sort, Model model) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        Range r = range(zone, from, to);
        List<AdherenceReport.PersonAdherence> people = rows(user, zone, r, sort);
        Map<String, List<AdherenceReport.PersonAdherence>> byTeam = new LinkedHashMap<>();
        people.stream().sorted(Comparator.comparing(p -> p.team() == null ? "~" : p.team()))
                .forEach(p -> byTeam.computeIfAbsent(p.team() == null || p.team().isBlank() ? "No team" : p.team(), k -> new ArrayList<>()).add(p));
        List<TeamRow> teams = new ArrayList<>();
        byTeam.forEach((team, members) -> {
            long scheduled = members.stream().mapToLong(AdherenceReport.PersonAdherence::scheduledSeconds).sum();
            long in = members.stream().mapToLong(AdherenceReport.PersonAdherence::inAdherenceSeconds).sum();
            teams.add(new TeamRow(team, members.size(), scheduled, in, scheduled == 0 ? null : (double) in / scheduled));
        });
        model.addAttribute("page", "adherence");
        model.addAttribute("from", r.from());
        model.addAttribute("to", r.to());
        model.addAttribute("error", r.error());
        model.addAttribute("sort", sort == null ? "name" : sort);
        model.addAttribute("people", people);
        model.addAttribute("teams", teams);
        return "adherence";
    }

    @GetMapping("/adherence.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal CompanyUser user, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        Range r = range(zone, from, to);
        StringBuilder out = new StringBuilder("person,team,scheduled_hours,in_adherence_hours,adherence,productive_adherence,conformance,excluded_hours\r\n");
        for (AdherenceReport.PersonAdherence p : rows(user, zone, r, "name")) {
            out.append(String.join(",", cell(p.name()), cell(p.team()), hours(p.scheduledSeconds()), hours(p.inAdherenceSeconds()),
                    number(p.adherence()), number(p.productiveAdherence()), number(p.conformance()), hours(p.excludedSeconds()))).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=adherence-" + r.from() + "-to-" + r.to() + ".csv")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A text cell: quoted when needed, and a leading =, +, - or @ made text so no spreadsheet runs it. */
    static String cell(String value) {
        if (value == null) return "";
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) v = "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }

    private static String hours(long seconds) {
        return String.format(java.util.Locale.ROOT, "%.2f", seconds / 3600.0);
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
