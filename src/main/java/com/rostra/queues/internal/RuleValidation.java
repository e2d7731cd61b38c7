package com.rostra.queues.internal;

import java.util.ArrayList;
import java.util.List;

import com.rostra.contacts.Channel;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.queues.ContactAttribute;
import com.rostra.queues.MatchOperator;
import com.rostra.queues.QueueRule;

/** Turns API rules into criteria, reporting each bad field by its JSON path (rules[2].operator). */
public final class RuleValidation {

    public static final int MAX_RULES = 50;

    private RuleValidation() {}

    public static List<ContactCriterion> criteria(String field, List<QueueRule> rules, List<FieldError> errors) {
        List<ContactCriterion> criteria = new ArrayList<>();
        if (rules == null) {
            return criteria;
        }
        if (rules.size() > MAX_RULES) {
            errors.add(new FieldError(field, "at most " + MAX_RULES + " rules"));
            return criteria;
        }
        for (int i = 0; i < rules.size(); i++) {
            String at = field + "[" + i + "]";
            QueueRule rule = rules.get(i);
            if (rule == null) {
                errors.add(new FieldError(at, "must be an object with attribute, operator and value"));
                continue;
            }
            ContactAttribute attribute = rule.attribute() == null ? null : ContactAttribute.fromWire(rule.attribute()).orElse(null);
            if (attribute == null) {
                errors.add(new FieldError(at + ".attribute", "must be one of " + wireNames(ContactAttribute.values())));
            }
            MatchOperator operator = rule.operator() == null ? null : MatchOperator.fromWire(rule.operator()).orElse(null);
            if (operator == null) {
                errors.add(new FieldError(at + ".operator", "must be one of " + wireNames(MatchOperator.values())));
            }
            String value = rule.value() == null ? null : rule.value().strip();
            if (value == null || value.isEmpty()) {
                errors.add(new FieldError(at + ".value", "must not be blank"));
            } else if (value.length() > 300) {
                errors.add(new FieldError(at + ".value", "must be at most 300 characters"));
            } else if (attribute == ContactAttribute.CHANNEL && (operator == MatchOperator.IS || operator == MatchOperator.IS_NOT)
                    && Channel.fromWire(value).isEmpty()) {
                errors.add(new FieldError(at + ".value", "channel is one of " + com.rostra.contacts.Channel.listed()));
            }
            if (attribute != null && operator != null && value != null && !value.isEmpty() && value.length() <= 300) {
                criteria.add(new ContactCriterion(attribute, operator, value));
            }
        }
        return criteria;
    }

    public static QueueRule wire(ContactCriterion c) {
        return new QueueRule(c.attribute().wireName(), c.operator().wireName(), c.value());
    }

    private static String wireNames(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) names.add(v.name().toLowerCase(java.util.Locale.ROOT));
        return String.join(", ", names);
    }
}
