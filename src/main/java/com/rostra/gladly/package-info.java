/**
 * Everything that speaks Gladly: connections (encrypted token), the HTTP client and its shared request budget,
 * Contact Export parsing, the mapping rules (Gladly's availability codes as channels too), the directory, raw
 * webhook events and their processing into agent states, and the sync job. Gladly's wire format stops here: other modules
 * see {@link com.rostra.contacts.ContactRecord}s and this module's small API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agents", "contacts", "platform", "tenancy"})
package com.rostra.gladly;
