package com.rostra.scheduling;

import java.util.ArrayList;
import java.util.List;

import com.rostra.platform.InvalidRequestException.FieldError;

/**
 * What a person may work per week. {@code minRestHours} null: the company's shift rules decide.
 * Without a stored contract a person may work 0 to 40 hours on up to 5 days.
 */
public record Contract(Integer minHoursPerWeek, Integer maxHoursPerWeek, Integer maxDaysPerWeek, Integer minRestHours) {

    public static final Contract DEFAULT = new Contract(0, 40, 5, null);

    public Contract merge(Contract patch) {
        if (patch == null) return this;
        return new Contract(patch.minHoursPerWeek() != null ? patch.minHoursPerWeek() : minHoursPerWeek,
                patch.maxHoursPerWeek() != null ? patch.maxHoursPerWeek() : maxHoursPerWeek,
                patch.maxDaysPerWeek() != null ? patch.maxDaysPerWeek() : maxDaysPerWeek,
                patch.minRestHours() != null ? patch.minRestHours() : minRestHours);
    }

    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (minHoursPerWeek == null || minHoursPerWeek < 0 || minHoursPerWeek > 80) errors.add(new FieldError("contract.min_hours_per_week", "must be 0 to 80"));
        if (maxHoursPerWeek == null || maxHoursPerWeek < 0 || maxHoursPerWeek > 80) errors.add(new FieldError("contract.max_hours_per_week", "must be 0 to 80"));
        else if (minHoursPerWeek != null && maxHoursPerWeek < minHoursPerWeek) {
            errors.add(new FieldError("contract.max_hours_per_week", "must not be below min_hours_per_week"));
        }
        if (maxDaysPerWeek == null || maxDaysPerWeek < 0 || maxDaysPerWeek > 7) errors.add(new FieldError("contract.max_days_per_week", "must be 0 to 7"));
        if (minRestHours != null && (minRestHours < 0 || minRestHours > 24)) errors.add(new FieldError("contract.min_rest_hours", "must be 0 to 24"));
        return errors;
    }
}
