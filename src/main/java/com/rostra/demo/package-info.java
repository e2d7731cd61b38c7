/**
 * Demo mode: a ready-made company (and, with the simulator, a connected Gladly organization) so a new user
 * sees the product without any set-up. Active only with the {@code demo} profile; production code never
 * depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agents", "forecasting", "gladly", "platform",
        "queues", "schedules", "scheduling", "simulator", "tenancy", "volume"})
package com.rostra.demo;
