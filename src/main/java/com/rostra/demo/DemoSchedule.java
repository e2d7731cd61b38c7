package com.rostra.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.rostra.agents.KnownAgents;
import com.rostra.agents.People;
import com.rostra.agents.Person;
import com.rostra.agents.GladlyAgentImport;
import com.rostra.schedules.Activities;
import com.rostra.schedules.ActivityType;
import com.rostra.schedules.ActivityTypes;
import com.rostra.simulator.SimulatedOrganization;
import com.rostra.tenancy.CompanyId;

/**
 * The demo's people and schedules: once the simulated agents are known, every one becomes a person and gets
 * today's and tomorrow's shift (work, a break, lunch, work, a break, work) planned around its simulated shift,
 * so Realtime shows adherence and Staffing shows scheduled agents from the first minute.
 */
@Component
@Profile("demo")
class DemoSchedule {

    private static final Logger log = LoggerFactory.getLogger(DemoSchedule.class);

    private final KnownAgents knownAgents;
    private final GladlyAgentImport agentImport;
    private final People people;
    private final ActivityTypes types;
    private final Activities activities;
    private final Clock clock;
    private final DemoScheduling scheduling;

    DemoSchedule(KnownAgents knownAgents, GladlyAgentImport agentImport, People people, ActivityTypes types, Activities activities,
                 Clock clock, DemoScheduling scheduling) {
        this.clock = clock;
        this.scheduling = scheduling;
        this.knownAgents = knownAgents;
        this.agentImport = agentImport;
        this.people = people;
        this.types = types;
        this.activities = activities;
    }

    /** Waits (in the background) for the first directory sync, then adds people and their shifts. */
    void seedWhenAgentsAreKnown(CompanyId company, SimulatedOrganization organization, ZoneId zone) {
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < 120 && knownAgents.list(company).size() < organization.agents().size(); i++) {
                    Thread.sleep(500);
                }
                seed(company, organization, zone);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Demo: could not add the demo schedule", e);
            }
        }, "demo-schedule");
        t.setDaemon(true);
        t.start();
    }

    void seed(CompanyId company, SimulatedOrganization organization, ZoneId zone) {
        agentImport.add(company, null);
        Map<String, ActivityType> byName = new java.util.HashMap<>();
        types.list(company).forEach(ty -> byName.put(ty.name(), ty));
        Map<String, SimulatedOrganization.Agent> agents = new java.util.HashMap<>();
        organization.agents().forEach(a -> agents.put(a.id(), a));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int added = 0;
        for (Person p : people.list(company)) {
            SimulatedOrganization.Agent agent = p.gladlyAgentId() == null ? null : agents.get(p.gladlyAgentId());
            if (agent == null) continue;
            ActivityType work = byName.get(agent.channels().contains("VOICE") ? "Phone"
                    : agent.channels().contains("MESSAGING") ? "Messaging" : "Email");
            for (LocalDate day : List.of(today.minusDays(1), today, today.plusDays(1))) {
                Optional<Instant> start = organization.plannedShiftStart(agent.id(), day);
                if (start.isEmpty() || !activities.list(company, start.get(), start.get().plus(Duration.ofHours(9)), p.id()).isEmpty()) {
                    continue;
                }
                Instant s = start.get();
                add(company, p, work, s, 0, 120);
                add(company, p, byName.get("Break"), s, 120, 135);
                add(company, p, work, s, 135, 255);
                add(company, p, byName.get("Lunch"), s, 255, 285);
                add(company, p, work, s, 285, 390);
                add(company, p, byName.get("Break"), s, 390, 405);
                add(company, p, work, s, 405, 510);
                added++;
            }
        }
        log.info("Demo: {} people with {} shifts scheduled around the simulated agents' days", people.list(company).size(), added);
        // Gladly's agent list has no channels (an agent offline at import gets none): the simulated agents' own ones.
        Map<Long, List<String>> channels = new java.util.HashMap<>();
        for (Person p : people.list(company)) {
            SimulatedOrganization.Agent agent = p.gladlyAgentId() == null ? null : agents.get(p.gladlyAgentId());
            if (agent == null || !p.channels().isEmpty()) continue;
            List<String> mine = new java.util.ArrayList<>();
            if (agent.channels().contains("VOICE")) mine.add("phone");
            if (agent.channels().contains("MAIL")) mine.add("email");
            if (agent.channels().contains("MESSAGING")) mine.addAll(List.of("chat", "sms", "social"));
            channels.put(p.id(), mine);
        }
        scheduling.seed(company, zone, channels);
    }

    private void add(CompanyId company, Person p, ActivityType type, Instant shiftStart, int fromMinute, int toMinute) {
        activities.create(company, p.id(), type.id(), shiftStart.plus(Duration.ofMinutes(fromMinute)).toString(),
                shiftStart.plus(Duration.ofMinutes(toMinute)).toString());
    }
}
