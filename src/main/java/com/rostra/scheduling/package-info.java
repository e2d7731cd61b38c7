/**
 * Scheduling: shift rules, people's contracts and availability, time off, and schedule generation — a Timefold
 * solver that places shifts (with breaks and lunch) to meet staffing's requirements per queue, channel and quarter
 * hour, run as a db-scheduler job, and published into {@link com.rostra.schedules.Activities}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agents", "contacts", "platform", "queues",
        "schedules", "staffing", "tenancy"})
package com.rostra.scheduling;
