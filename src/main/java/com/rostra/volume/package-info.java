/**
 * Volume: counted contacts per UTC quarter hour, queue path and channel ({@code interval_volume}, re-aggregated
 * once per {@link com.rostra.queues.ContactsAssigned}), historical volume imported from another system, and the
 * reads over both per local interval ({@code /api/v1/volume}, {@code /api/v1/queues/{id}/volume}). Forecasting
 * and staffing read volume here, never the contacts table.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "tenancy", "contacts", "queues"})
package com.rostra.volume;
