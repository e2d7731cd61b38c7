package com.rostra.staffing;

/**
 * Targets for one queue and channel. {@code concurrency}: contacts an agent handles at once (chat); with
 * {@code slaWindowHours} the channel is deferred (email): requirements come from workload over the interval.
 * {@code model}: {@code erlang_c} (nobody abandons) or {@code erlang_a} (contacts abandon after
 * {@code patienceSeconds} on average, which Erlang A then requires). {@code ahtMeasured}: the handle time measured
 * from Gladly's Work Session report is used when there is one, {@code ahtSeconds} being the fallback; false means
 * {@code ahtSeconds} was typed in and overrides the measurement.
 */
public record StaffingSettings(double serviceLevel, int targetSeconds, int ahtSeconds, double shrinkage,
                               double maxOccupancy, int concurrency, Integer patienceSeconds, Integer slaWindowHours,
                               String model, boolean ahtMeasured) {

    public StaffingSettings {
        if (model == null) model = StaffingModel.ERLANG_C.wireName();
    }

    /** Settings with a typed-in handle time. */
    public StaffingSettings(double serviceLevel, int targetSeconds, int ahtSeconds, double shrinkage, double maxOccupancy,
                            int concurrency, Integer patienceSeconds, Integer slaWindowHours, String model) {
        this(serviceLevel, targetSeconds, ahtSeconds, shrinkage, maxOccupancy, concurrency, patienceSeconds, slaWindowHours,
                model, false);
    }

    /** The same settings with another handle time (still marked measured or typed as before). */
    public StaffingSettings withAht(int seconds) {
        return new StaffingSettings(serviceLevel, targetSeconds, seconds, shrinkage, maxOccupancy, concurrency, patienceSeconds,
                slaWindowHours, model, ahtMeasured);
    }

    public StaffingSettings withAhtMeasured(boolean measured) {
        return new StaffingSettings(serviceLevel, targetSeconds, ahtSeconds, shrinkage, maxOccupancy, concurrency, patienceSeconds,
                slaWindowHours, model, measured);
    }

    /** Erlang C settings (the shape before models were selectable). */
    public StaffingSettings(double serviceLevel, int targetSeconds, int ahtSeconds, double shrinkage, double maxOccupancy,
                            int concurrency, Integer patienceSeconds, Integer slaWindowHours) {
        this(serviceLevel, targetSeconds, ahtSeconds, shrinkage, maxOccupancy, concurrency, patienceSeconds, slaWindowHours,
                StaffingModel.ERLANG_C.wireName());
    }

    /**
     * What a request asks to change; null leaves a setting as it is. A typed-in {@code ahtSeconds} overrides the
     * measured handle time; {@code ahtMeasured = true} (without a handle time) goes back to the measurement.
     */
    public record Changes(Double serviceLevel, Integer targetSeconds, Integer ahtSeconds, Double shrinkage,
                          Double maxOccupancy, Integer concurrency, Integer patienceSeconds, Integer slaWindowHours,
                          String model, Boolean ahtMeasured) {}

    /** These settings with the changes applied: the one place the API, the requirements query and the page merge. */
    public StaffingSettings with(Changes c) {
        return new StaffingSettings(
                c.serviceLevel() != null ? c.serviceLevel() : serviceLevel,
                c.targetSeconds() != null ? c.targetSeconds() : targetSeconds,
                c.ahtSeconds() != null ? c.ahtSeconds() : ahtSeconds,
                c.shrinkage() != null ? c.shrinkage() : shrinkage,
                c.maxOccupancy() != null ? c.maxOccupancy() : maxOccupancy,
                c.concurrency() != null ? c.concurrency() : concurrency,
                c.patienceSeconds() != null ? c.patienceSeconds() : patienceSeconds,
                c.slaWindowHours() != null ? c.slaWindowHours() : slaWindowHours,
                c.model() != null && !c.model().isBlank() ? c.model().strip() : model,
                c.ahtSeconds() != null ? false : c.ahtMeasured() != null ? c.ahtMeasured() : ahtMeasured);
    }

    /** A channel's settings until someone saves them. */
    public static StaffingSettings defaultsFor(String channel) {
        return defaults(channel);
    }

    static StaffingSettings defaults(String channel) {
        return typedDefaults(channel).withAhtMeasured(true);
    }

    private static StaffingSettings typedDefaults(String channel) {
        return switch (channel) {
            case "phone" -> new StaffingSettings(0.8, 20, 300, 0.3, 0.85, 1, null, null);
            case "email" -> new StaffingSettings(0.9, 86_400, 360, 0.3, 0.9, 1, null, 24);
            case "chat" -> new StaffingSettings(0.8, 60, 600, 0.3, 0.85, 2, null, null);
            default -> new StaffingSettings(0.8, 900, 400, 0.3, 0.85, 3, null, null);
        };
    }

    /** The model as an enum; settings are checked before use, so an unknown name is Erlang C. */
    public StaffingModel staffingModel() {
        StaffingModel m = StaffingModel.byWire(model);
        return m == null ? StaffingModel.ERLANG_C : m;
    }
}
