package com.rostra.agents;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
@Tag(name = "Agent states")
class AgentStatesController {

    private final AgentStates states;
    private final StateMappings mappings;
    private final People people;
    private final CurrentCompany currentCompany;
    private final Clock clock;

    AgentStatesController(AgentStates states, StateMappings mappings, People people, CurrentCompany currentCompany,
                          Clock clock) {
        this.clock = clock;
        this.states = states;
        this.mappings = mappings;
        this.people = people;
        this.currentCompany = currentCompany;
    }

    record TimelineView(String gladlyAgentId, Long personId, String state, String reason, Instant start, Instant end) {}

    static final Duration MAX_RANGE = Duration.ofDays(31);

    @Operation(summary = "Agent state timeline",
            description = "State changes with their start and end, for one `person_id` or `gladly_agent_id` (or all agents), in [start, end) (at most 31 days; a side left out is taken from the other, the end defaulting to a day after now). 404 for another company's person.")
    @GetMapping("/api/v1/agent-states")
    List<TimelineView> timeline(@RequestParam(name = "person_id", required = false) Long personId,
                                @RequestParam(name = "gladly_agent_id", required = false) String gladlyAgentId,
                                @RequestParam(required = false) String start, @RequestParam(required = false) String end) {
        var company = currentCompany.id();
        String agent = gladlyAgentId;
        Long person = personId;
        if (personId != null) {
            Person p = people.get(company, personId);
            if (p.gladlyAgentId() == null) return List.of();
            agent = p.gladlyAgentId();
        } else if (gladlyAgentId != null) {
            person = people.findByGladlyAgent(company, gladlyAgentId).map(Person::id).orElse(null);
        }
        Long resolved = person;
        Map<String, Long> personByAgent = new HashMap<>();
        if (agent == null) {
            people.list(company).forEach(p -> { if (p.gladlyAgentId() != null) personByAgent.put(p.gladlyAgentId(), p.id()); });
        }
        List<FieldError> errors = new ArrayList<>();
        Instant to = RequestTimes.parse("end", end, errors);
        Instant from = RequestTimes.parse("start", start, errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        // Every read is bounded: at most 31 days; a side left out is taken from the other (end: up to a day ahead of now).
        if (to == null) {
            to = from == null ? clock.instant().plus(Duration.ofDays(1)) : from.plus(MAX_RANGE);
        }
        if (from == null) {
            from = to.minus(MAX_RANGE);
        }
        if (!to.isAfter(from)) {
            throw new InvalidRequestException("end", "must be after start");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidRequestException("end", "the range from start to end may span at most 31 days; ask for longer periods in parts");
        }
        return states.timeline(company, agent, from, to).stream()
                .map(e -> new TimelineView(e.gladlyAgentId(), resolved != null ? resolved : personByAgent.get(e.gladlyAgentId()),
                        e.state().wireName(), e.reason(), e.start(), e.end()))
                .toList();
    }

    record MappingView(String state, String reason, String activityType, boolean productive, String channel) {}

    record SeenView(String state, String reason, long count, String activityType, boolean mapped) {}

    record MappingsView(List<MappingView> mappings, List<SeenView> seen) {}

    @Operation(summary = "Read state mappings",
            description = "Which activity type each Gladly state and reason counts as (reason `*` for any), whether it is productive and for which channel; plus every state and reason seen so far with its count and whether a mapping covers it.")
    @GetMapping("/api/v1/agent-state-mappings")
    MappingsView mappings() {
        return view();
    }

    @Operation(summary = "Replace state mappings",
            description = "Body `[{state, reason, activity_type, productive, channel?}]`; the most specific reason wins over `*`. 400 naming the entry (`mappings[2].state`); 400 on `mappings`, one error per rule, when a stored adherence rule names `mapped:<activity type>` and no entry would map to that type any more (the rule could never match: change it first). An empty list goes back to the defaults.")
    @PutMapping("/api/v1/agent-state-mappings")
    MappingsView replace(@RequestBody List<MappingView> body) {
        List<StateMappings.Mapping> parsed = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            MappingView m = body.get(i);
            AgentState state;
            try {
                state = m.state() == null ? null : AgentState.fromWire(m.state());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("mappings[" + i + "].state", "must be logged_out, active or away");
            }
            parsed.add(new StateMappings.Mapping(state, m.reason(), m.activityType(), m.productive(), m.channel()));
        }
        mappings.replace(currentCompany.id(), parsed);
        return view();
    }

    private MappingsView view() {
        var company = currentCompany.id();
        List<StateMappings.Mapping> rules = mappings.list(company);
        List<SeenView> seen = states.seenStates(company).stream().map(s -> {
            StateMappings.Mapping m = StateMappings.resolve(rules, s.state(), s.reason());
            return new SeenView(s.state().wireName(), s.reason(), s.count(), m == null ? null : m.activityType(), m != null);
        }).toList();
        return new MappingsView(rules.stream().map(m -> new MappingView(m.state().wireName(), m.reason(), m.activityType(),
                m.productive(), m.channel())).toList(), seen);
    }
}
