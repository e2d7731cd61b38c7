package com.rostra.queues.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Re-assignment progress an operator can watch: contacts still to re-assign after rule changes, over all companies. */
@Component
class AssignmentMetrics {

    AssignmentMetrics(MeterRegistry registry, JdbcClient jdbc) {
        Gauge.builder("rostra.queues.reassignment.remaining", jdbc, j -> j.sql(
                        "select coalesce(sum(total - done), 0) from queue_assignments where running_version is not null")
                        .query(Long.class).single())
                .description("Contacts still to re-assign to queues after rule changes").register(registry);
    }
}
