/** Server-rendered pages. Reads every module through its public API; owns no tables. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"adherence", "agents", "contacts", "forecasting",
        "gladly", "platform", "queues", "schedules", "scheduling", "staffing", "tenancy", "volume"})
package com.rostra.web;
