package com.rostra.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.rostra.platform.InvalidRequestException.FieldError;

/** Request time parameters: RFC 3339, or a bare date meaning its UTC midnight. */
public final class RequestTimes {

    private RequestTimes() {}

    /** Null (and an error) when the value is not a time; null without error when it is absent. */
    public static Instant parse(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                errors.add(new FieldError(field, "'" + value + "' is not an RFC 3339 time such as 2026-03-01T00:00:00Z"));
                return null;
            }
        }
    }
}
