/**
 * Staffing: how many agents each interval needs to meet a service level, from the forecast (Erlang C for
 * contacts answered live, workload for deferred ones such as email), per queue and channel with its settings.
 * Reads volume (patience is measured from the volume module's inbound waits), never the contacts table.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "tenancy", "contacts", "queues",
        "volume", "forecasting", "schedules", "gladly"})
package com.rostra.staffing;
