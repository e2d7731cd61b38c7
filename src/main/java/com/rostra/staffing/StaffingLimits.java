package com.rostra.staffing;

import java.util.List;

import com.rostra.platform.InvalidRequestException.FieldError;

/**
 * The one place that says which staffing inputs are sane. Every entry point (calculator, settings, requirement
 * what-ifs, the Staffing page) checks its inputs here, so no combination reaches the math unbounded; the math is
 * bounded on its own as well ({@link ErlangC#MAX_AGENTS}).
 */
public final class StaffingLimits {

    public static final double MIN_SERVICE_LEVEL = 0.01;
    public static final double MAX_SERVICE_LEVEL = 0.999;
    public static final int MAX_TARGET_SECONDS = 7 * 86_400;
    public static final int MAX_AHT_SECONDS = 86_400;
    public static final double MAX_SHRINKAGE = 0.9;
    /** An occupancy cap below this is not a staffing target (it would ask for ten agents per Erlang and more). */
    public static final double MIN_OCCUPANCY = 0.1;
    public static final int MAX_CONCURRENCY = 20;
    public static final int MAX_PATIENCE_SECONDS = 86_400;
    public static final int MAX_SLA_WINDOW_HOURS = 168;
    public static final double MAX_VOLUME = 1_000_000;
    public static final int MIN_INTERVAL_SECONDS = 60;
    public static final int MAX_INTERVAL_SECONDS = 86_400;
    /** Traffic (Erlangs) the calculator accepts: with the occupancy floor, at most {@link ErlangC#MAX_AGENTS} agents. */
    public static final double MAX_TRAFFIC = ErlangC.MAX_AGENTS * MIN_OCCUPANCY;

    /** A share's accepted range, both ends included; forms that show shares as percentages phrase it themselves. */
    public record Share(double min, double max) {
        public boolean contains(Double v) {
            return v != null && v >= min && v <= max;
        }
    }

    public static final Share SERVICE_LEVEL = new Share(MIN_SERVICE_LEVEL, MAX_SERVICE_LEVEL);
    /** The service level every example names (80 % answered within the target). */
    public static final double EXAMPLE_SERVICE_LEVEL = 0.8;
    public static final Share SHRINKAGE = new Share(0, MAX_SHRINKAGE);
    public static final Share OCCUPANCY = new Share(MIN_OCCUPANCY, 1);

    private StaffingLimits() {}

    /**
     * A whole number read from JSON as a double (so 1e12 or 2.5 reach the range check and its field name instead of
     * failing in the JSON reader): null stays null; fractions, non-finite and out-of-int values become
     * {@link Integer#MIN_VALUE}, which every range check refuses.
     */
    public static Integer whole(Double v) {
        if (v == null) return null;
        if (!Double.isFinite(v) || v != Math.rint(v) || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) return Integer.MIN_VALUE;
        return v.intValue();
    }

    public static void serviceLevel(Double v, List<FieldError> errors) {
        if (!SERVICE_LEVEL.contains(v)) {
            errors.add(new FieldError("service_level", "must be from " + MIN_SERVICE_LEVEL + " to " + MAX_SERVICE_LEVEL + ", e.g. " + EXAMPLE_SERVICE_LEVEL));
        }
    }

    public static void targetSeconds(Integer v, List<FieldError> errors) {
        if (v == null || v < 1 || v > MAX_TARGET_SECONDS) errors.add(new FieldError("target_seconds", "must be from 1 second to 7 days (604800)"));
    }

    public static void ahtSeconds(Integer v, List<FieldError> errors) {
        if (v == null || v < 1 || v > MAX_AHT_SECONDS) errors.add(new FieldError("aht_seconds", "must be from 1 second to 24 hours (86400)"));
    }

    public static void shrinkage(Double v, List<FieldError> errors) {
        if (!SHRINKAGE.contains(v)) errors.add(new FieldError("shrinkage", "must be from 0 to " + MAX_SHRINKAGE));
    }

    public static void maxOccupancy(Double v, List<FieldError> errors) {
        if (!OCCUPANCY.contains(v)) errors.add(new FieldError("max_occupancy", "must be from " + MIN_OCCUPANCY + " to 1"));
    }

    public static void concurrency(Integer v, List<FieldError> errors) {
        if (v == null || v < 1 || v > MAX_CONCURRENCY) errors.add(new FieldError("concurrency", "must be from 1 to " + MAX_CONCURRENCY));
    }

    /** Patience is optional (null) unless the model is Erlang A. */
    public static void patienceSeconds(Integer v, boolean required, List<FieldError> errors) {
        if (v == null) {
            if (required) errors.add(new FieldError("patience_seconds", "is required with erlang_a: mean seconds a contact waits before abandoning (1 to 86400)"));
        } else if (v < 1 || v > MAX_PATIENCE_SECONDS) {
            errors.add(new FieldError("patience_seconds", "must be from 1 second to 24 hours (86400)"));
        }
    }

    public static void slaWindowHours(Integer v, List<FieldError> errors) {
        if (v != null && (v < 1 || v > MAX_SLA_WINDOW_HOURS)) errors.add(new FieldError("sla_window_hours", "must be from 1 to " + MAX_SLA_WINDOW_HOURS));
    }

    /** Null (unknown) is an error here; callers with a default resolve it first. */
    public static StaffingModel model(String v, List<FieldError> errors) {
        StaffingModel m = v == null ? null : StaffingModel.fromWire(v).orElse(null);
        if (m == null) errors.add(new FieldError("model", "must be erlang_c or erlang_a"));
        return m;
    }
}
