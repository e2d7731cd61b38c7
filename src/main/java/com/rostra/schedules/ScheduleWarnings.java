package com.rostra.schedules;

import java.time.Instant;
import java.util.List;

import com.rostra.tenancy.CompanyId;

/**
 * Soft checks of a person's schedule after a change (contract hours and days per week, rest between shifts):
 * they are shown, never refused. Implemented where the contracts live (scheduling); schedules only asks.
 */
public interface ScheduleWarnings {

    /** {@code rule}: {@code max_hours_per_week}, {@code max_days_per_week} or {@code min_rest_hours}. */
    record Warning(String rule, String message) {}

    /** What the person's schedule around {@code at} (its week, and the shifts next to it) breaks. */
    List<Warning> warnings(CompanyId company, long personId, Instant at);
}
