/**
 * Contacts: normalized contacts as intake (Contact Export, webhooks) hands them over, stored idempotently, read
 * back as pages and counts. A store publishes {@link com.rostra.contacts.ContactsChanged} once per batch, in its
 * transaction: queues assign the range, then volume aggregates it. Knows nothing of queues beyond the stored
 * {@link com.rostra.contacts.QueuePath} that queues write.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "tenancy"})
package com.rostra.contacts;
