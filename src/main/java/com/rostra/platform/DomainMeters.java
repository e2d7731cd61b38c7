package com.rostra.platform;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Registers the domain meters that modules record on demand (through {@code Metrics.globalRegistry}), so every series
 * the dashboard and the alert rules (docs/ops) use exists from the first scrape, at zero: {@code rate()} and
 * {@code increase()} over a series that appears only with its first event miss that event, and an absent series
 * cannot be told from a broken scrape. The modules find these same meters when they record (same name and tags).
 */
@Component
class DomainMeters {

    DomainMeters(MeterRegistry registry) {
        Counter.builder("rostra.login.failures").description("Failed page sign-ins").register(registry);
        Counter.builder("rostra.contacts.stored").description("Contacts stored from Gladly or imports").register(registry);
        Timer.builder("rostra.forecast.fit").description("Fitting and backtesting one forecast series").register(registry);
        Timer.builder("rostra.requirements").description("Computing staffing requirements for one request").register(registry);
        for (String outcome : new String[] {"done", "cancelled", "failed"}) {
            Timer.builder("rostra.schedule.generations").tag("outcome", outcome)
                    .description("Schedule-generation runs by outcome and their solving time").register(registry);
        }
        DistributionSummary.builder("rostra.schedule.generation.hard.violations")
                .description("Hard violations of each finished schedule generation").register(registry);
        DistributionSummary.builder("rostra.schedule.generation.soft.score")
                .description("Soft penalty (negated soft score) of each finished schedule generation").register(registry);
    }
}
