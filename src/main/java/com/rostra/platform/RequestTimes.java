package com.rostra.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.rostra.platform.InvalidRequestException.FieldError;

/**
 * Request time parameters: RFC 3339, or a bare date meaning its midnight (UTC unless the caller names a zone). Every
 * controller reads times here, so the API accepts one vocabulary and answers one message for what is not a time.
 */
public final class RequestTimes {

    private RequestTimes() {}

    /** Null (and an error) when the value is not a time; null without error when it is absent. */
    public static Instant parse(String field, String value, List<FieldError> errors) {
        return parse(field, value, ZoneOffset.UTC, errors);
    }

    /** As {@link #parse(String, String, List)}, but an absent value is {@code fallback}. */
    public static Instant parseOr(String field, String value, Instant fallback, List<FieldError> errors) {
        return value == null || value.isBlank() ? fallback : parse(field, value, errors);
    }

    /**
     * As {@link #parseOr(String, String, Instant, List)}, but a bare date means its midnight in {@code zone} (a
     * company's day, not UTC's).
     */
    public static Instant parseOr(String field, String value, ZoneId zone, Instant fallback, List<FieldError> errors) {
        return value == null || value.isBlank() ? fallback : parse(field, value, zone, errors);
    }

    /** A required time whose bare date means midnight in {@code zone} (a company's day, not UTC's). */
    public static Instant required(String field, String value, ZoneId zone, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required (a date like 2026-12-07 or an RFC 3339 time)"));
            return null;
        }
        return parse(field, value, zone, errors);
    }

    private static Instant parse(String field, String value, ZoneId dateZone, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v).atStartOfDay(dateZone).toInstant();
            } catch (DateTimeParseException e2) {
                errors.add(new FieldError(field, "'" + value + "' is not an RFC 3339 time such as 2026-03-01T00:00:00Z"));
                return null;
            }
        }
    }
}
