package com.rostra.adherence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.rostra.agents.AgentState;
import com.rostra.agents.AgentStates;
import com.rostra.agents.AvailabilityChannels;
import com.rostra.agents.People;
import com.rostra.agents.Person;
import com.rostra.agents.StateMappings;
import com.rostra.schedules.Activities;
import com.rostra.schedules.Activity;
import com.rostra.schedules.ActivityType;
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

    /** People per database round trip in {@link #report}: memory holds one chunk's blocks and states, not the company's. */
    static final int CHUNK = 200;

    private final People people;
    private final AgentStates states;
    private final StateMappings mappings;
    private final Activities activities;
    private final ActivityTypes types;
    private final ActivityRules rules;
    private final AvailabilityChannels channels;
    private final AdherenceSettings settings;
    private final Clock clock;

    AdherenceReport(People people, AgentStates states, StateMappings mappings, Activities activities, ActivityTypes types,
                    ActivityRules rules, AvailabilityChannels channels, AdherenceSettings settings, Clock clock) {
        this.types = types;
        this.people = people;
        this.states = states;
        this.mappings = mappings;
        this.activities = activities;
        this.rules = rules;
        this.channels = channels;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Per person over [from, to) (up to now): a chunk of {@value #CHUNK} people at a time, three range-bounded queries
     * per chunk (their activities, state timelines and availability), then one pass per person. Two chunks run at
     * once (one reading the database while the other computes), so memory holds at most two chunks' rows.
     */
    public List<PersonAdherence> report(CompanyId company, Instant from, Instant to, Long personId) {
        Instant end = min(to, clock.instant());
        Inputs inputs = inputs(company, from, end);
        List<Person> everyone = people.list(company).stream().filter(p -> personId == null || p.id() == personId).toList();
        List<java.util.concurrent.Future<List<PersonAdherence>>> chunks = new ArrayList<>();
        for (int i = 0; i < everyone.size(); i += CHUNK) {
            List<Person> chunk = everyone.subList(i, Math.min(everyone.size(), i + CHUNK));
            chunks.add(everyone.size() <= CHUNK ? java.util.concurrent.CompletableFuture.completedFuture(chunk(company, chunk, personId, inputs, from, end))
                    : WORKERS.submit(() -> chunk(company, chunk, personId, inputs, from, end)));
        }
        List<PersonAdherence> result = new ArrayList<>();
        try {
            for (java.util.concurrent.Future<List<PersonAdherence>> f : chunks) result.addAll(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            chunks.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            chunks.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
        return result;
    }

    /** Shared by every report: two chunks at a time on the whole node, however many reports run. */
    private static final java.util.concurrent.ExecutorService WORKERS = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "adherence-report");
        t.setDaemon(true);
        return t;
    });

    private List<PersonAdherence> chunk(CompanyId company, List<Person> chunk, Long personId, Inputs inputs, Instant from, Instant end) {
        Map<Long, List<Activity>> byPerson = new HashMap<>();
        if (end.isAfter(from)) {
            activities.listFor(company, from, end, chunk.stream().map(Person::id).toList())
                    .forEach(a -> byPerson.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a));
        }
        List<Person> rated = chunk.stream().filter(p -> personId != null || byPerson.containsKey(p.id())).toList();
        Map<String, List<AdherenceCalculator.StateSpan>> spans = spans(company, rated, inputs, from, end);
        List<PersonAdherence> result = new ArrayList<>();
        for (Person p : rated) {
            AdherenceCalculator.Figures f = figures(p, byPerson.getOrDefault(p.id(), List.of()), spans, inputs, from, end);
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
        if (p.gladlyAgentId() != null && end.isAfter(from)) {
            for (AgentStates.TimelineEntry t : states.timelines(company, List.of(p.gladlyAgentId()), from, end)) {
                StateMappings.Mapping m = StateMappings.resolve(rules, t.state(), t.reason());
                lane.add(new StateBlock(t.state().wireName(), t.reason(), m == null ? null : m.activityType(),
                        working(t.state(), m), max(t.start(), from), t.end() == null ? end : min(t.end(), end)));
            }
        }
        AdherenceCalculator.Figures f = null;
        if (end.isAfter(from)) {
            Inputs in = inputs(company, from, end);
            f = figures(p, blocks, spans(company, List.of(p), in, from, end), in, from, end);
        }
        return new Timeline(personId, date, zone.getId(),
                blocks.stream().map(a -> new ScheduledBlock(a.activityType(), a.category(), a.start(), a.end())).toList(), lane,
                f == null ? List.of() : f.outOfAdherence().stream().map(w -> new Stretch(w.start(), w.end())).toList(),
                f == null ? List.of() : f.excluded().stream().map(w -> new Stretch(w.start(), w.end())).toList(),
                f == null ? null : f.adherence());
    }

    private record Inputs(List<StateMappings.Mapping> mappings, List<AdherenceCalculator.Window> outages,
                          AdherenceSettings.Settings settings, Map<Long, ActivityType> types, Map<Long, ActivityRules.Rule> rules) {}

    private Inputs inputs(CompanyId company, Instant from, Instant end) {
        List<AdherenceCalculator.Window> outages = end.isAfter(from)
                ? states.outages(company, from, end).stream().map(o -> new AdherenceCalculator.Window(o.start(), o.end())).toList()
                : List.of();
        Map<Long, ActivityType> byId = new HashMap<>();
        types.list(company).forEach(t -> byId.put(t.id(), t));
        return new Inputs(mappings.list(company), outages, settings.get(company), byId, rules.rules(company));
    }

    /**
     * The state spans of these people's agents, each cut where the agent's availability changed, with what the agent
     * was doing (state, the activity type it maps to, the channels available for; null while never heard).
     */
    private Map<String, List<AdherenceCalculator.StateSpan>> spans(CompanyId company, List<Person> chunk, Inputs in, Instant from, Instant end) {
        Map<String, List<AdherenceCalculator.StateSpan>> byAgent = new HashMap<>();
        List<String> agents = chunk.stream().map(Person::gladlyAgentId).filter(java.util.Objects::nonNull).distinct().toList();
        if (agents.isEmpty() || !end.isAfter(from)) return byAgent;
        Map<String, List<AgentStates.AvailabilityEntry>> availability = new HashMap<>();
        for (AgentStates.AvailabilityEntry a : states.availability(company, agents, from, end)) {
            availability.computeIfAbsent(a.gladlyAgentId(), k -> new ArrayList<>()).add(a);
        }
        Map<List<String>, Set<String>> channelSets = new HashMap<>();
        // Both lists are sorted by agent and start: one cursor into the agent's availability moves forward only.
        String agent = null;
        List<AgentStates.AvailabilityEntry> avail = List.of();
        int ai = 0;
        for (AgentStates.TimelineEntry t : states.timelines(company, agents, from, end)) {
            StateMappings.Mapping m = StateMappings.resolve(in.mappings(), t.state(), t.reason());
            if (!t.gladlyAgentId().equals(agent)) {
                agent = t.gladlyAgentId();
                avail = availability.getOrDefault(agent, List.of());
                ai = 0;
            }
            List<AdherenceCalculator.StateSpan> out = byAgent.computeIfAbsent(t.gladlyAgentId(), k -> new ArrayList<>());
            Instant s = t.start();
            Instant e = t.end() == null ? end : t.end();
            while (ai < avail.size() && avail.get(ai).end() != null && !avail.get(ai).end().isAfter(s)) ai++;
            for (int j = ai; j < avail.size() && avail.get(j).start().isBefore(e); j++) {
                AgentStates.AvailabilityEntry a = avail.get(j);
                Instant ae = a.end() == null ? Instant.MAX : a.end();
                if (!ae.isAfter(s)) continue;
                if (a.start().isAfter(s)) {
                    out.add(span(s, a.start(), t.state(), m, null));
                    s = a.start();
                }
                Instant cut = ae.isBefore(e) ? ae : e;
                out.add(span(s, cut, t.state(), m, channelSets.computeIfAbsent(a.availableFor(), c -> Set.copyOf(channels.channels(c)))));
                s = cut;
            }
            if (s.isBefore(e)) out.add(span(s, e, t.state(), m, null));
        }
        return byAgent;
    }

    private static AdherenceCalculator.StateSpan span(Instant s, Instant e, AgentState state, StateMappings.Mapping m, Set<String> channels) {
        return new AdherenceCalculator.StateSpan(s, e, new ActivityRules.Rule.Fact(state, m == null ? null : m.activityType(),
                m != null && m.productive(), channels));
    }

    private static AdherenceCalculator.Figures figures(Person p, List<Activity> blocks, Map<String, List<AdherenceCalculator.StateSpan>> spans,
                                                       Inputs in, Instant from, Instant end) {
        if (!end.isAfter(from)) {
            return AdherenceCalculator.compute(List.of(), List.of(), List.of(), from, from, in.settings().grace());
        }
        List<AdherenceCalculator.Block> planned = blocks.stream().map(a -> {
            ActivityType t = in.types().get(a.activityTypeId());
            ActivityRules.Rule rule = in.rules().get(a.activityTypeId());
            boolean timeOff = "time_off".equals(a.category());
            return new AdherenceCalculator.Block(a.start(), a.end(), t != null && t.productive(), timeOff,
                    rule != null ? rule : ActivityRules.AWAY_OR_LOGGED_OUT, t == null ? null : t.channel());
        }).toList();
        List<AdherenceCalculator.StateSpan> mine = p.gladlyAgentId() == null ? List.of() : spans.getOrDefault(p.gladlyAgentId(), List.of());
        return AdherenceCalculator.compute(planned, mine, in.outages(), from, end, in.settings().grace());
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
