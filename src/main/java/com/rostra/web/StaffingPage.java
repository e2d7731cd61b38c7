package com.rostra.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.queues.Queue;
import com.rostra.queues.Queues;
import com.rostra.staffing.HandleTimes;
import com.rostra.staffing.MeasuredPatience;
import com.rostra.staffing.Requirements;
import com.rostra.staffing.StaffingSettings;
import com.rostra.staffing.StaffingLimits;
import com.rostra.staffing.StaffingSettingsStore;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyUser;

/**
 * Staffing: required agents per quarter hour of one day for a queue and channel, from its forecast and settings.
 * The side panel previews other settings (what-if, nothing saved) or saves them.
 */
@Controller
class StaffingPage {

    private static final DateTimeFormatter TIME = Formats.TIME;

    private final Requirements requirements;
    private final StaffingSettingsStore settings;
    private final Queues queues;
    private final Companies companies;
    private final Clock clock;
    private final MeasuredPatience patience;
    private final HandleTimes handleTimes;

    StaffingPage(Requirements requirements, StaffingSettingsStore settings, Queues queues, Companies companies, Clock clock,
                 MeasuredPatience patience, HandleTimes handleTimes) {
        this.handleTimes = handleTimes;
        this.patience = patience;
        this.requirements = requirements;
        this.settings = settings;
        this.queues = queues;
        this.companies = companies;
        this.clock = clock;
    }

    @GetMapping("/staffing")
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(required = false) Long queue,
                @RequestParam(defaultValue = "phone") String channel, @RequestParam(required = false) String day,
                @RequestParam Map<String, String> params, Model model) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        List<Queue> all = queues.list(user.companyId());
        Long queueId = queue != null && all.stream().anyMatch(q -> q.id() == queue) ? queue : null;
        Channel ch = Channel.fromWire(channel).orElse(Channel.PHONE);
        LocalDate date = LocalDate.now(clock.withZone(zone));
        try {
            if (day != null && !day.isBlank()) date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            model.addAttribute("error", "'" + day + "' is not a date; showing today.");
        }
        // A measured handle time shows as the handle time; typing another one overrides it.
        StaffingSettings saved = handleTimes.resolve(user.companyId(), queueId, ch.wireName(), zone,
                settings.get(user.companyId(), queueId == null ? 0 : queueId, ch.wireName())).settings();
        Map<String, String> errors = new HashMap<>();
        // Erlang A without a patience of its own plans with the measured one; the form still shows it empty.
        validate(patience.resolve(user.companyId(), queueId, ch.wireName(), saved), errors);
        if (!errors.isEmpty()) {
            // A row saved before the bounds existed: say so by field and plan with the channel's defaults.
            model.addAttribute("error", "The saved settings are out of range (see the fields); showing the defaults until they are fixed.");
            saved = StaffingSettings.defaultsFor(ch.wireName());
        }
        StaffingSettings shown = overrides(saved, params, errors);
        boolean preview = !shown.equals(saved);
        validate(patience.resolve(user.companyId(), queueId, ch.wireName(), shown), errors);
        if (model.getAttribute("flashErrors") instanceof Map<?, ?> flash) {
            flash.forEach((k, v) -> errors.put(String.valueOf(k), String.valueOf(v)));
        }
        if (!errors.isEmpty()) {
            shown = saved;
            if (!model.containsAttribute("error")) model.addAttribute("error", "Some settings are out of range (see the fields); showing the saved settings.");
        }
        HandleTimes.Profiled profiled = handleTimes.resolve(user.companyId(), queueId, ch.wireName(), zone,
                patience.resolve(user.companyId(), queueId, ch.wireName(), shown));
        List<Requirements.Requirement> rows = requirements.requirements(user.companyId(), queueId, ch,
                date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant(), IntervalLength.MINUTES_15, zone,
                profiled.settings(), profiled.profile());
        List<String> labels = new ArrayList<>();
        List<Integer> required = new ArrayList<>();
        List<Integer> withShrinkage = new ArrayList<>();
        List<String> scheduled = new ArrayList<>();
        List<Map<String, Object>> table = new ArrayList<>();
        int peak = 0;
        double agentHours = 0;
        double scheduledHours = 0;
        int under = 0;
        int over = 0;
        for (Requirements.Requirement r : rows) {
            String label = TIME.format(r.start().atZone(zone));
            labels.add(label);
            required.add(r.requiredAgents());
            withShrinkage.add(r.requiredWithShrinkage());
            double onQueue = r.scheduledForQueue() != null ? r.scheduledForQueue() : r.scheduledAgents() == null ? 0 : r.scheduledAgents();
            scheduled.add(agents(onQueue));
            peak = Math.max(peak, r.requiredWithShrinkage());
            agentHours += r.requiredWithShrinkage() / 4.0;
            scheduledHours += onQueue / 4.0;
            if ("under".equals(r.staffing())) under++;
            if ("over".equals(r.staffing())) over++;
            if (r.requiredWithShrinkage() > 0 || onQueue > 0 || r.forecastVolume() > 0) {
                Map<String, Object> row = new HashMap<>();
                row.put("time", label);
                row.put("volume", Math.round(r.forecastVolume() * 10) / 10.0);
                row.put("required", r.requiredAgents());
                row.put("withShrinkage", r.requiredWithShrinkage());
                row.put("scheduled", agents(onQueue));
                row.put("serviceLevel", r.scheduledServiceLevel() == null ? "–"
                        : Math.round(r.scheduledServiceLevel() * 1000) / 10.0 + " %");
                row.put("aht", r.ahtSeconds());
                row.put("staffing", r.staffing() == null ? "ok" : r.staffing());
                table.add(row);
            }
        }
        model.addAttribute("table", table);
        model.addAttribute("scheduledHours", Math.round(scheduledHours * 10) / 10.0);
        model.addAttribute("underIntervals", under);
        model.addAttribute("overIntervals", over);
        model.addAttribute("page", "staffing");
        model.addAttribute("queues", all);
        model.addAttribute("selectedQueue", queueId);
        model.addAttribute("channel", ch.wireName());
        model.addAttribute("channels", com.rostra.contacts.Channel.wireNames());
        model.addAttribute("models", List.of("erlang_c", "erlang_a"));
        model.addAttribute("day", date.toString());
        model.addAttribute("settings", shown);
        model.addAttribute("serviceLevelPct", percent(shown.serviceLevel()));
        model.addAttribute("shrinkagePct", percent(shown.shrinkage()));
        model.addAttribute("maxOccupancyPct", percent(shown.maxOccupancy()));
        model.addAttribute("previousDay", date.minusDays(1).toString());
        model.addAttribute("nextDay", date.plusDays(1).toString());
        model.addAttribute("preview", preview && errors.isEmpty());
        model.addAttribute("errors", errors);
        model.addAttribute("labels", labels);
        model.addAttribute("required", required);
        model.addAttribute("withShrinkage", withShrinkage);
        model.addAttribute("scheduled", scheduled);
        model.addAttribute("rows", rows);
        if (ch == Channel.PHONE || ch == Channel.CHAT) {
            model.addAttribute("measuredPatience", patience.measure(user.companyId(), queueId == null ? 0 : queueId, ch.wireName(),
                    MeasuredPatience.DEFAULT_WEEKS));
        }
        model.addAttribute("measuredAht", handleTimes.measure(user.companyId(), queueId == null ? 0 : queueId, ch.wireName(),
                HandleTimes.DEFAULT_WEEKS, zone));
        model.addAttribute("peak", peak);
        model.addAttribute("agentHours", Math.round(agentHours * 10) / 10.0);
        model.addAttribute("volume", Math.round(rows.stream().mapToDouble(Requirements.Requirement::forecastVolume).sum()));
        return "staffing";
    }

    @PostMapping("/staffing/settings")
    String save(@AuthenticationPrincipal CompanyUser user, @RequestParam(required = false) Long queue,
                @RequestParam String channel, @RequestParam(required = false) String day,
                @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Long queueId = queue != null && queues.path(user.companyId(), queue).isPresent() ? queue : null;
        String ch = Channel.fromWire(channel).map(Channel::wireName).orElse("phone");
        StaffingSettings current = handleTimes.resolve(user.companyId(), queueId, ch, companies.get(user.companyId()).timeZone(),
                settings.get(user.companyId(), queueId == null ? 0 : queueId, ch)).settings();
        Map<String, String> errors = new HashMap<>();
        StaffingSettings wanted = overrides(current, params, errors);
        redirect.addAttribute("channel", ch);
        if (queueId != null) redirect.addAttribute("queue", queueId);
        if (day != null) redirect.addAttribute("day", day);
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("flashErrors", errors);
            return "redirect:/staffing";
        }
        try {
            boolean measured = patience.measure(user.companyId(), queueId == null ? 0 : queueId, ch,
                    MeasuredPatience.DEFAULT_WEEKS).meanSeconds() != null;
            settings.save(user.companyId(), queueId == null ? 0 : queueId, ch, wanted, measured);
            redirect.addFlashAttribute("message", "Saved the staffing settings for " + ch + ".");
        } catch (InvalidRequestException e) {
            Map<String, String> fieldErrors = new HashMap<>();
            e.errors().forEach(f -> fieldErrors.put(f.field(), message(f)));
            redirect.addFlashAttribute("flashErrors", fieldErrors);
        }
        return "redirect:/staffing";
    }

    /** Shares people think of in percent: the form shows and takes them so, the settings keep fractions. */
    private static final Map<String, StaffingLimits.Share> PERCENT_FIELDS = Map.of(
            "service_level", StaffingLimits.SERVICE_LEVEL,
            "shrinkage", StaffingLimits.SHRINKAGE,
            "max_occupancy", StaffingLimits.OCCUPANCY);

    static String percent(double share) {
        return new java.math.BigDecimal(Double.toString(share)).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** A settings error as the form says it: the percent fields' bounds in percent, as the fields are typed. */
    private static String message(FieldError error) {
        StaffingLimits.Share range = PERCENT_FIELDS.get(error.field());
        if (range == null) return error.message();
        String bounds = "must be from " + percent(range.min()) + " % to " + percent(range.max()) + " %";
        return error.field().equals("service_level")
                ? bounds + ", e.g. " + percent(StaffingLimits.EXAMPLE_SERVICE_LEVEL) + " %"
                : bounds;
    }

    /** The form's percent fields ({@code service_level_pct}: 80) as the fractions the settings keep (0.8). */
    private static Map<String, String> fromPercent(Map<String, String> p, Map<String, String> errors) {
        Map<String, String> q = new HashMap<>(p);
        for (String f : PERCENT_FIELDS.keySet()) {
            String v = p.get(f + "_pct");
            if (v == null || v.isBlank()) continue;
            try {
                q.put(f, Double.toString(Double.parseDouble(v.strip().replace("%", "").strip()) / 100));
            } catch (NumberFormatException e) {
                errors.put(f, "'" + v + "' is not a number");
                q.remove(f);
            }
        }
        return q;
    }

    /** The settings with the form's values in place of the saved ones; unreadable numbers are errors by field. */
    private static StaffingSettings overrides(StaffingSettings s, Map<String, String> form, Map<String, String> errors) {
        Map<String, String> p = fromPercent(form, errors);
        // The handle time stays measured while the field is left as shown (or emptied); another number overrides it.
        String aht = p.get("aht_seconds");
        int ahtSeconds = (int) number(p, "aht_seconds", s.ahtSeconds(), errors);
        boolean keepMeasured = aht == null || aht.isBlank() || (s.ahtMeasured() && ahtSeconds == s.ahtSeconds());
        Boolean ahtMeasured = aht != null && aht.isBlank() ? Boolean.TRUE : null;
        return s.with(new StaffingSettings.Changes(
                number(p, "service_level", s.serviceLevel(), errors),
                (int) number(p, "target_seconds", s.targetSeconds(), errors),
                keepMeasured ? null : ahtSeconds,
                number(p, "shrinkage", s.shrinkage(), errors),
                number(p, "max_occupancy", s.maxOccupancy(), errors),
                (int) number(p, "concurrency", s.concurrency(), errors),
                optionalInt(p, "patience_seconds", s.patienceSeconds(), errors), null,
                p.get("model"), ahtMeasured));
    }

    /** Whole agents without a decimal point, shares of people with up to two decimals. */
    private static String agents(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 100) / 100.0);
    }

    private static Integer optionalInt(Map<String, String> p, String field, Integer fallback, Map<String, String> errors) {
        String v = p.get(field);
        if (v == null || v.isBlank()) return fallback;
        return (int) number(p, field, fallback == null ? 0 : fallback, errors);
    }

    private static double number(Map<String, String> p, String field, double fallback, Map<String, String> errors) {
        String v = p.get(field);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "'" + v + "' is not a number");
            return fallback;
        }
    }

    private static void validate(StaffingSettings s, Map<String, String> errors) {
        try {
            StaffingSettingsStore.check(s);
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> errors.put(f.field(), message(f)));
        }
    }
}
