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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.rostra.adherence.ActivityRules;
import com.rostra.adherence.AdherenceReport;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyUser;

/**
 * The adherence report: per person and per team over a range of local days (at most 31), sortable, with a CSV
 * download. Cells a spreadsheet would run as a formula are written as text.
 */
@Controller
class AdherencePage {

    private final AdherenceReport report;
    private final ActivityRules rules;
    private final Companies companies;
    private final Clock clock;

    AdherencePage(AdherenceReport report, ActivityRules rules, Companies companies, Clock clock) {
        this.report = report;
        this.rules = rules;
        this.companies = companies;
        this.clock = clock;
    }

    /** One row of the rules form: what it shows (the stored rule, or what was just submitted) and its error. */
    record RuleRow(String activityType, String channel, String satisfiedBy, boolean requiresChannel, boolean customized,
                   String error) {}

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
        if (!model.containsAttribute("ruleRows")) {
            model.addAttribute("ruleRows", rules.views(user.companyId()).stream().map(v -> new RuleRow(v.activityType(), v.channel(),
                    String.join(", ", v.satisfiedBy()), v.requiresChannel(), v.customized(), null)).toList());
        }
        model.addAttribute("mappedTypes", rules.mappedActivityTypes(user.companyId()));
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

    /**
     * The rules form: one row per activity type ({@code type}, {@code satisfied_by} as comma-separated tokens,
     * {@code requires_channel} yes/no), in the same order. A row left unchanged from a default stays a default; rows
     * not posted keep their rule. Bad rows: the page again, 400, each error beside its row and the typed values kept.
     */
    @PostMapping("/adherence/rules")
    String saveRules(@AuthenticationPrincipal CompanyUser user, @RequestParam MultiValueMap<String, String> form,
                     Model model, jakarta.servlet.http.HttpServletResponse response) {
        List<String> names = form.getOrDefault("type", List.of());
        List<String> tokens = form.getOrDefault("satisfied_by", List.of());
        List<String> channels = form.getOrDefault("requires_channel", List.of());
        Map<String, ActivityRules.RuleView> current = new LinkedHashMap<>();
        rules.views(user.companyId()).forEach(v -> current.put(v.activityType().toLowerCase(Locale.ROOT), v));
        Map<String, Integer> posted = new LinkedHashMap<>();
        List<ActivityRules.RuleInput> inputs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            List<String> satisfiedBy = split(i < tokens.size() ? tokens.get(i) : "");
            Boolean requires = i < channels.size() ? "yes".equalsIgnoreCase(channels.get(i).strip()) : null;
            ActivityRules.RuleView was = current.get(name.toLowerCase(Locale.ROOT));
            boolean unchanged = was != null && !was.customized() && was.satisfiedBy().equals(satisfiedBy)
                    && (requires == null || requires == was.requiresChannel());
            if (unchanged) continue;
            posted.put(name.toLowerCase(Locale.ROOT), inputs.size());
            inputs.add(new ActivityRules.RuleInput(name, satisfiedBy, requires));
        }
        for (ActivityRules.RuleView v : current.values()) {
            if (v.customized() && !posted.containsKey(v.activityType().toLowerCase(Locale.ROOT))) {
                inputs.add(new ActivityRules.RuleInput(v.activityType(), v.satisfiedBy(), v.requiresChannel()));
            }
        }
        try {
            rules.replace(user.companyId(), inputs);
        } catch (InvalidRequestException e) {
            Map<Integer, List<String>> byInput = new LinkedHashMap<>();
            for (InvalidRequestException.FieldError f : e.errors()) {
                Matcher m = Pattern.compile("^activity_rules\\[(\\d+)]").matcher(f.field());
                int index = m.find() ? Integer.parseInt(m.group(1)) : -1;
                byInput.computeIfAbsent(index, k -> new ArrayList<>()).add(f.message());
            }
            List<RuleRow> rows = new ArrayList<>();
            for (ActivityRules.RuleView v : current.values()) {
                String key = v.activityType().toLowerCase(Locale.ROOT);
                Integer at = posted.get(key);
                int formIndex = indexOf(names, key);
                String typed = formIndex >= 0 && formIndex < tokens.size() ? tokens.get(formIndex) : String.join(", ", v.satisfiedBy());
                boolean requires = formIndex >= 0 && formIndex < channels.size() ? "yes".equalsIgnoreCase(channels.get(formIndex).strip())
                        : v.requiresChannel();
                List<String> errors = at == null ? List.of() : byInput.getOrDefault(at, List.of());
                rows.add(new RuleRow(v.activityType(), v.channel(), typed, requires, v.customized(),
                        errors.isEmpty() ? null : String.join("; ", errors)));
            }
            List<String> unplaced = new ArrayList<>();
            byInput.forEach((index, messages) -> {
                boolean placed = index >= 0 && index < inputs.size()
                        && current.containsKey(inputs.get(index).activityType().toLowerCase(Locale.ROOT));
                if (!placed) unplaced.addAll(messages);
            });
            model.addAttribute("ruleRows", rows);
            model.addAttribute("rulesError", "Nothing was saved: " + (unplaced.isEmpty() ? "fix the rules marked below."
                    : String.join("; ", unplaced)));
            response.setStatus(400);
            return page(user, null, null, null, model);
        }
        return "redirect:/adherence#adherence-rules";
    }

    private static int indexOf(List<String> names, String lowerName) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null && names.get(i).strip().equalsIgnoreCase(lowerName)) return i;
        }
        return -1;
    }

    private static List<String> split(String tokens) {
        return Arrays.stream(tokens.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
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
        return String.format(Locale.ROOT, "%.2f", seconds / 3600.0);
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }
}
