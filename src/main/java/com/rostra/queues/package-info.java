/**
 * Queues: named, optionally nested groups of contacts defined by ordered rules on contact attributes, with
 * exclusions that keep contacts out of volume without deleting them. Owns the rule vocabulary
 * ({@link com.rostra.queues.ContactAttribute}, {@link com.rostra.queues.MatchOperator}), the assignment of contacts
 * to queues (on {@link com.rostra.contacts.ContactsChanged}, and for the whole history when rules change, announced
 * as {@link com.rostra.queues.ContactsAssigned}) and the one parser of {@code queue_id} parameters. The rules' SQL,
 * the assignment job and the controllers are in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "tenancy", "contacts"})
package com.rostra.queues;
