package com.rostra.queues.internal;

import com.rostra.queues.ContactAttribute;
import com.rostra.queues.MatchOperator;

/** One test on a contact attribute, e.g. inbox_when_queued starts_with "Billing". */
public record ContactCriterion(ContactAttribute attribute, MatchOperator operator, String value) {}
