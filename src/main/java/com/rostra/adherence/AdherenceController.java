package com.rostra.adherence;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.platform.RequestTimes;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Schedules and adherence")
class AdherenceController {

    private final AdherenceReport report;
    private final AdherenceSettings settings;
    private final ActivityRules rules;
    private final CurrentCompany currentCompany;

    AdherenceController(AdherenceReport report, AdherenceSettings settings, ActivityRules rules, CurrentCompany currentCompany) {
        this.rules = rules;
        this.report = report;
        this.settings = settings;
        this.currentCompany = currentCompany;
    }

    @Operation(summary = "Adherence per person",
            description = "For [start, end) (at most 31 days; time after now does not count), per person: `scheduled_seconds` (every scheduled activity but time off), `in_adherence_seconds`, `adherence` (share of scheduled time whose state satisfied the activity type's rule, see `activity_rules` in `GET /api/v1/adherence-settings`: by default a productive state available for the block's channel on productive work, away or logged out on breaks, lunch and meetings; time with no known state counts as logged out; the first and last `grace_seconds` of each block count as in), `productive_adherence` (productive blocks only), `conformance` (productive time worked / productive time scheduled) and `excluded_seconds` (outage windows, when Rostra heard nothing from Gladly: neither for nor against). Optional `person_id`.")
    @GetMapping("/api/v1/adherence")
    List<AdherenceReport.PersonAdherence> adherence(@RequestParam(required = false) String start,
                                                    @RequestParam(required = false) String end,
                                                    @RequestParam(name = "person_id", required = false) Long personId) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = RequestTimes.parse("start", start, errors);
        Instant to = RequestTimes.parse("end", end, errors);
        if (start == null) errors.add(new FieldError("start", "is required"));
        if (end == null) errors.add(new FieldError("end", "is required"));
        if (from != null && to != null && (!to.isAfter(from) || Duration.between(from, to).toDays() > 31)) {
            errors.add(new FieldError("end", "must be after start and at most 31 days later"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return report.report(currentCompany.id(), from, to, personId);
    }

    record TeamAdherence(String team, int people, long scheduledSeconds, long inAdherenceSeconds, Double adherence) {}

    @Operation(summary = "Adherence per team",
            description = "The per-person figures of `GET /api/v1/adherence` summed per team (people without a team under `null`): schedule adherence of the team is its time in adherence over its scheduled time.")
    @GetMapping("/api/v1/adherence/teams")
    List<TeamAdherence> teams(@RequestParam(required = false) String start, @RequestParam(required = false) String end) {
        Map<String, List<AdherenceReport.PersonAdherence>> byTeam = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (AdherenceReport.PersonAdherence p : adherence(start, end, null)) {
            byTeam.computeIfAbsent(p.team() == null || p.team().isBlank() ? null : p.team(), k -> new ArrayList<>()).add(p);
        }
        List<TeamAdherence> teams = new ArrayList<>();
        byTeam.forEach((team, members) -> {
            long scheduled = members.stream().mapToLong(AdherenceReport.PersonAdherence::scheduledSeconds).sum();
            long in = members.stream().mapToLong(AdherenceReport.PersonAdherence::inAdherenceSeconds).sum();
            teams.add(new TeamAdherence(team, members.size(), scheduled, in,
                    scheduled == 0 ? null : Math.round((double) in / scheduled * 10_000) / 10_000.0));
        });
        return teams;
    }

    @Operation(summary = "A person's day: schedule against states",
            description = "For `person_id` and a local `date` (YYYY-MM-DD in the company's time zone; DST days have 23 or 25 hours): the scheduled lane, the state lane (with the activity each state maps to), the out-of-adherence stretches (after the grace period) and the outage windows excluded from adherence. 404 for another company's person.")
    @GetMapping("/api/v1/adherence/timeline")
    AdherenceReport.Timeline timeline(@RequestParam(name = "person_id", required = false) Long personId,
                                      @RequestParam(required = false) String date) {
        List<FieldError> errors = new ArrayList<>();
        if (personId == null) errors.add(new FieldError("person_id", "is required"));
        LocalDate day = null;
        if (date == null) {
            errors.add(new FieldError("date", "is required (YYYY-MM-DD)"));
        } else {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("date", "must be a date like 2026-11-30"));
            }
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return report.timeline(currentCompany.id(), personId, day, currentCompany.company().timeZone());
    }

    record SettingsInput(Integer graceSeconds, Integer alertAfterSeconds, List<ActivityRules.RuleInput> activityRules) {}

    record SettingsView(int graceSeconds, int alertAfterSeconds, List<ActivityRules.RuleView> activityRules) {}

    private SettingsView view() {
        AdherenceSettings.Settings s = settings.get(currentCompany.id());
        return new SettingsView(s.graceSeconds(), s.alertAfterSeconds(), rules.views(currentCompany.id()));
    }

    @Operation(summary = "Read adherence settings",
            description = "`grace_seconds` (default 120): at the start and end of every scheduled block this much out-of-adherence time is forgiven; `alert_after_seconds` (default 300): after how long out of adherence Realtime highlights an agent; `activity_rules`: for every activity type but time off, which agent states satisfy a block of it (`satisfied_by`, any of: `productive` = a logged-in state mapped to a productive activity type, `state:active` / `state:away` / `state:logged_out` = Gladly's state whatever the reason, where logged_out also covers time with no known state, `mapped:<name>` = a state the state mappings map to that activity type; a name no state mapping of the company maps to is a 400 on that rule's `satisfied_by`) and `requires_channel` (a logged-in state satisfies a block of a type with a `channel` only while the agent is available for that channel in Gladly: VOICE = phone, MAIL = email, MESSAGING = chat, SMS, social; not checked while Rostra has never heard the agent's availability). `customized` false: the default (productive types: `productive` with the channel; other types: `state:away` or `state:logged_out`). The rules judge the adherence report, the day timeline, the Realtime badge and the live stream.")
    @GetMapping("/api/v1/adherence-settings")
    SettingsView settings() {
        return view();
    }

    @Operation(summary = "Change adherence settings",
            description = "Body `{grace_seconds?, alert_after_seconds?, activity_rules?}`; left-out fields are kept. grace 0-3600 s, alert 0-86400 s. `activity_rules` (`[{activity_type, satisfied_by: [...], requires_channel?}]`), when given, replaces every customized rule: types left out go back to their default; `requires_channel` left out is true for a type with a channel. A 400 names each bad field (an unknown activity type or token, time off, a type twice) and nothing is changed.")
    @PutMapping("/api/v1/adherence-settings")
    SettingsView putSettings(@RequestBody SettingsInput body) {
        if (body == null) throw new InvalidRequestException("body", "give grace_seconds, alert_after_seconds and/or activity_rules");
        settings.putAll(currentCompany.id(), body.graceSeconds(), body.alertAfterSeconds(), body.activityRules());
        return view();
    }
}
