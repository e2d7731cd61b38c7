/**
 * Staffing: how many agents each interval needs to meet a service level, from the forecast (Erlang C for
 * contacts answered live, workload for deferred ones such as email), per queue and channel with its settings.
 * Reads volume (patience is measured from the volume module's inbound waits) and other modules' data only through
 * their APIs: contacts for the queue and channel of a handle-time session, schedules and agents for scheduled coverage.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "tenancy", "contacts", "queues",
        "volume", "forecasting", "schedules", "agents", "gladly"})
package com.rostra.staffing;
