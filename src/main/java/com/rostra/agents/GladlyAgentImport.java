package com.rostra.agents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyId;

/**
 * Adds Gladly agents as people. An agent whose email matches an existing person is linked to that person
 * (not duplicated); their Gladly team comes along. States received before the person existed attach at once,
 * because states are keyed by Gladly agent id. The agents come from the directory the gladly module keeps in
 * {@link KnownAgents}; what Gladly's availability codes mean as channels, it tells through {@link AvailabilityChannels}.
 */
@Service
public class GladlyAgentImport {

    public record Candidate(String gladlyAgentId, String name, String email, String team, boolean isPerson, Long personId) {}

    public record Added(List<Person> created, List<Person> matched) {}

    private final KnownAgents knownAgents;
    private final People people;
    private final AgentStates agentStates;
    private final AvailabilityChannels availabilityChannels;

    GladlyAgentImport(KnownAgents knownAgents, People people, AgentStates agentStates, AvailabilityChannels availabilityChannels) {
        this.availabilityChannels = availabilityChannels;
        this.agentStates = agentStates;
        this.knownAgents = knownAgents;
        this.people = people;
    }

    public List<Candidate> candidates(CompanyId company) {
        Map<String, Person> byAgent = people.list(company).stream().filter(p -> p.gladlyAgentId() != null)
                .collect(Collectors.toMap(Person::gladlyAgentId, Function.identity()));
        return knownAgents.list(company).stream().map(a -> {
            Person p = byAgent.get(a.gladlyAgentId());
            return new Candidate(a.gladlyAgentId(), a.name(), a.email(), a.teams(), p != null, p == null ? null : p.id());
        }).toList();
    }

    @Transactional
    public Added add(CompanyId company, Set<String> wanted) {
        List<KnownAgents.KnownAgent> agents = knownAgents.list(company);
        if (agents.isEmpty()) {
            throw new InvalidRequestException("gladly_agent_ids", "no Gladly agents known yet: connect Gladly and let the first sync finish");
        }
        if (wanted != null) {
            Set<String> known = agents.stream().map(KnownAgents.KnownAgent::gladlyAgentId).collect(Collectors.toSet());
            List<String> unknown = wanted.stream().filter(id -> !known.contains(id)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new InvalidRequestException("gladly_agent_ids", "not Gladly agents of this organization: " + String.join(", ", unknown));
            }
        }
        List<Person> created = new ArrayList<>();
        List<Person> matched = new ArrayList<>();
        // Gladly's agent API has no channels; what an agent is currently available for is the best hint there is.
        Map<String, List<String>> availableFor = new HashMap<>();
        agentStates.current(company).forEach(c -> availableFor.put(c.gladlyAgentId(), c.availableFor()));
        for (KnownAgents.KnownAgent a : agents) {
            if (wanted != null && !wanted.contains(a.gladlyAgentId())) continue;
            if (people.findByGladlyAgent(company, a.gladlyAgentId()).isPresent()) continue;
            Optional<Person> byEmail = a.email() == null ? Optional.empty() : people.findByEmail(company, a.email());
            if (byEmail.isPresent()) {
                matched.add(people.update(company, byEmail.get().id(), new PersonInput(null, null, null, null, null, null,
                        null, byEmail.get().team() == null ? firstTeam(a.teams()) : null, null, a.gladlyAgentId(), null)));
                continue;
            }
            String[] names = splitName(a.name());
            String email = a.email() != null ? a.email() : a.gladlyAgentId() + "@gladly.invalid";
            List<String> channels = availabilityChannels.channels(availableFor.getOrDefault(a.gladlyAgentId(), List.of()));
            created.add(people.create(company, new PersonInput(names[0], names[1], email, "agent", true, channels, List.of(),
                    firstTeam(a.teams()), null, a.gladlyAgentId(), null)));
        }
        return new Added(created, matched);
    }

    private static String firstTeam(String teams) {
        return teams == null ? null : teams.split(", ")[0];
    }

    private static String[] splitName(String name) {
        String n = name == null || name.isBlank() ? "Gladly agent" : name.strip();
        int space = n.indexOf(' ');
        return space < 0 ? new String[] {n, ""} : new String[] {n.substring(0, space), n.substring(space + 1)};
    }
}
