package com.rostra.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.rostra.agents.People;
import com.rostra.agents.Person;
import com.rostra.agents.PersonInput;
import com.rostra.scheduling.Contract;
import com.rostra.scheduling.Contracts;
import com.rostra.scheduling.ShiftRulesStore;
import com.rostra.scheduling.TimeOff;
import com.rostra.tenancy.CompanyId;

/**
 * The demo's scheduling inputs, so a new user can generate, inspect and publish next week at once: shift rules,
 * a contract for everyone (weekday-only availability for every third person) and one pending time off request.
 */
@Component
@Profile("demo")
class DemoScheduling {

    private static final Logger log = LoggerFactory.getLogger(DemoScheduling.class);

    private final ShiftRulesStore rules;
    private final Contracts contracts;
    private final TimeOff timeOff;
    private final People people;
    private final Clock clock;

    DemoScheduling(ShiftRulesStore rules, Contracts contracts, TimeOff timeOff, People people, Clock clock) {
        this.rules = rules;
        this.contracts = contracts;
        this.timeOff = timeOff;
        this.people = people;
        this.clock = clock;
    }

    void seed(CompanyId company, ZoneId zone, java.util.Map<Long, List<String>> channelsOfPeopleWithout) {
        try {
            channelsOfPeopleWithout.forEach((id, channels) -> people.update(company, id,
                    new PersonInput(null, null, null, null, null, channels, null, null, null, null, null)));
            rules.save(company, null);
            List<Person> staff = people.list(company).stream().filter(Person::staffable).toList();
            for (int i = 0; i < staff.size(); i++) {
                Person p = staff.get(i);
                List<Contracts.Window> weekdays = new ArrayList<>();
                if (i % 3 == 2) {
                    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                        weekdays.add(new Contracts.Window(d.name().toLowerCase(java.util.Locale.ROOT), "07:00", "19:00"));
                    }
                }
                contracts.save(company, p.id(), new Contracts.TermsInput(new Contract(i % 4 == 3 ? 20 : 32, i % 4 == 3 ? 24 : 40, 5, null),
                        i % 3 == 2 ? weekdays : null));
            }
            if (!staff.isEmpty() && timeOff.list(company, null, null, null, null).isEmpty()) {
                LocalDate wednesday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusDays(2);
                timeOff.create(company, staff.get(0).id(), wednesday.atStartOfDay(zone).toOffsetDateTime().toString(),
                        wednesday.plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString(), "Dentist, then the afternoon off");
            }
            log.info("Demo: shift rules, {} contracts and a pending time off request for scheduling", staff.size());
        } catch (RuntimeException e) {
            log.warn("Demo: could not add the scheduling inputs", e);
        }
    }
}
