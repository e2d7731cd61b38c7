package com.rostra.queues.internal;

import java.util.List;

/**
 * Where each contact belongs, as ordered targets: the first target whose rule sets all hold claims the contact
 * (and excludes it when one of the target's exclusions holds); company-wide exclusions are checked first.
 * Within a rule set, rules on the same attribute are alternatives (inbox is A or inbox is B) except
 * {@code is_not}, which must hold for each; rules on different attributes must all hold.
 */
public record Classification(List<ContactCriterion> globalExclusions, List<Target> targets) {

    /**
     * @param path queue ids from the top-level queue down to the claiming queue; a contact counts in each
     * @param ruleSets the claiming queue's rules and those of its ancestors, all of which must hold
     */
    public record Target(List<Long> path, List<List<ContactCriterion>> ruleSets, List<ContactCriterion> exclusions) {}

    public static Classification none() {
        return new Classification(List.of(), List.of());
    }

    public boolean isEmpty() {
        return globalExclusions.isEmpty() && targets.isEmpty();
    }
}
