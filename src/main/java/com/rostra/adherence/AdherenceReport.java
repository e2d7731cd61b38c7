package com.rostra.adherence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.rostra.agents.AgentState;
import com.rostra.agents.AgentStates;
import com.rostra.agents.People;
import com.rostra.agents.Person;
import com.rostra.agents.StateMappings;
import com.rostra.schedules.Activities;
import com.rostra.schedules.Activity;
import com.rostra.schedules.ActivityTypes;
import com.rostra.tenancy.CompanyId;

/**
 * Adherence per person over a range, as support leads measure it (see {@link AdherenceCalculator} for the rules):
 * schedule adherence over every scheduled activity but time off, productive adherence over productive blocks,
 * conformance, with the company's grace period and outage windows excluded. Time after now does not count yet.
 */
@Service
public class AdherenceReport {

    public record PersonAdherence(long personId, String name, String team, long scheduledSeconds, long inAdherenceSeconds,
                                  Double adherence, Double productiveAdherence, Double conformance, long excludedSeconds) {}

    public record Stretch(Instant start, Instant end) {}

    public record ScheduledBlock(String activityType, String category, Instant start, Instant end) {}

    public record StateBlock(String state, String reason, String activityType, boolean productive, Instant start, Instant end) {}

    public record Timeline(long personId, LocalDate date, String timeZone, List<ScheduledBlock> scheduled, List<StateBlock> states,
                           List<Stretch> outOfAdherence, List<Stretch> excluded, Double adherence) {}

    private final People people;
    private final AgentStates states;
    private final StateMappings mappings;
    private final Activities activities;
    private final ActivityTypes types;
    private final AdherenceSettings settings;
    private final Clock clock;

    AdherenceReport(People people, AgentStates states, StateMappings mappings, Activities activities, ActivityTypes types,
                    AdherenceSettings settings, Clock clock) {
        this.types = types;
        this.people = people;
        this.states = states;
        this.mappings = mappings;
        this.activities = activities;
        this.settings = settings;
        this.clock = clock;
    }

    public List<PersonAdherence> report(CompanyId company, Instant from, Instant to, Long personId) {
        Instant end = min(to, clock.instant());
        Map<Long, List<Activity>> byPerson = new HashMap<>();
        if (end.isAfter(from)) {
            activities.list(company, from, end, personId).forEach(a -> byPerson.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a));
        }
        Inputs inputs = inputs(company, from, end);
        List<PersonAdherence> result = new ArrayList<>();
        for (Person p : people.list(company)) {
            if (personId != null && p.id() != personId) continue;
            List<Activity> blocks = byPerson.getOrDefault(p.id(), List.of());
            if (blocks.isEmpty() && personId == null) continue;
            AdherenceCalculator.Figures f = figures(company, p, blocks, inputs, from, end);
            result.add(new PersonAdherence(p.id(), p.name(), p.team(), f.scheduledSeconds(), f.inAdherenceSeconds(),
                    f.adherence(), f.productiveAdherence(), f.conformance(), f.excludedSeconds()));
        }
        return result;
    }

    /** One person's local day: the scheduled lane, the state lane, out-of-adherence stretches and outage windows. */
    public Timeline timeline(CompanyId company, long personId, LocalDate date, ZoneId zone) {
        Person p = people.get(company, personId);
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        Instant end = min(to, clock.instant());
        List<Activity> blocks = activities.list(company, from, to, personId);
        List<StateMappings.Mapping> rules = mappings.list(company);
        List<StateBlock> lane = new ArrayList<>();
        if (p.gladlyAgentId() != null) {
            for (AgentStates.TimelineEntry t : states.timeline(company, p.gladlyAgentId(), from, end)) {
                StateMappings.Mapping m = StateMappings.resolve(rules, t.state(), t.reason());
                lane.add(new StateBlock(t.state().wireName(), t.reason(), m == null ? null : m.activityType(),
                        working(t.state(), m), max(t.start(), from), t.end() == null ? end : min(t.end(), to)));
            }
        }
        AdherenceCalculator.Figures f = end.isAfter(from) ? figures(company, p, blocks, inputs(company, from, end), from, end) : null;
        return new Timeline(personId, date, zone.getId(),
                blocks.stream().map(a -> new ScheduledBlock(a.activityType(), a.category(), a.start(), a.end())).toList(), lane,
                f == null ? List.of() : f.outOfAdherence().stream().map(w -> new Stretch(w.start(), w.end())).toList(),
                f == null ? List.of() : f.excluded().stream().map(w -> new Stretch(w.start(), w.end())).toList(),
                f == null ? null : f.adherence());
    }

    private record Inputs(List<StateMappings.Mapping> rules, List<AdherenceCalculator.Window> outages,
                          AdherenceSettings.Settings settings, Map<Long, Boolean> productiveTypes) {}

    private Inputs inputs(CompanyId company, Instant from, Instant end) {
        List<AdherenceCalculator.Window> outages = end.isAfter(from)
                ? states.outages(company, from, end).stream().map(o -> new AdherenceCalculator.Window(o.start(), o.end())).toList()
                : List.of();
        Map<Long, Boolean> productive = new HashMap<>();
        types.list(company).forEach(t -> productive.put(t.id(), t.productive()));
        return new Inputs(mappings.list(company), outages, settings.get(company), productive);
    }

    private AdherenceCalculator.Figures figures(CompanyId company, Person p, List<Activity> blocks, Inputs in, Instant from, Instant end) {
        if (!end.isAfter(from)) {
            return AdherenceCalculator.compute(List.of(), List.of(), List.of(), from, from, in.settings().grace());
        }
        List<AdherenceCalculator.StateSpan> spans = new ArrayList<>();
        if (p.gladlyAgentId() != null) {
            for (AgentStates.TimelineEntry t : states.timeline(company, p.gladlyAgentId(), from, end)) {
                spans.add(new AdherenceCalculator.StateSpan(t.start(), t.end(), working(t.state(), StateMappings.resolve(in.rules(), t.state(), t.reason()))));
            }
        }
        List<AdherenceCalculator.Block> planned = blocks.stream().map(a -> new AdherenceCalculator.Block(a.start(), a.end(),
                in.productiveTypes().getOrDefault(a.activityTypeId(), false), "time_off".equals(a.category()))).toList();
        return AdherenceCalculator.compute(planned, spans, in.outages(), from, end, in.settings().grace());
    }

    private static boolean working(AgentState state, StateMappings.Mapping m) {
        return state != AgentState.LOGGED_OUT && m != null && m.productive();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
