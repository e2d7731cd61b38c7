package com.rostra.contacts;

/** One test on a contact attribute, e.g. inbox_when_queued starts_with "Billing". */
public record ContactCriterion(ContactAttribute attribute, MatchOperator operator, String value) {}
