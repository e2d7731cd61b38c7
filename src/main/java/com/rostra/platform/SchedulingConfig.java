package com.rostra.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Node-local periodic work (idempotent sweeps). Work that must run once across a cluster uses db-scheduler. */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
