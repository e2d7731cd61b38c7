package com.rostra.scheduling;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.rostra.platform.InvalidRequestException.FieldError;

/**
 * How a company's shifts may look. Lengths and the start grid in minutes (multiples of 15); a paid break of
 * {@code minutes} per {@code every_hours} worked; an unpaid lunch starting between {@code earliest_after_minutes}
 * and {@code latest_after_minutes} into shifts of at least {@code min_shift_minutes}; the minimum rest between two
 * shifts (a contract may ask for more); shifts start no earlier than {@code earliest_start} and end by
 * {@code latest_end} (local times, "24:00" allowed; a latest end at or before the earliest start is on the next day,
 * so "20:00" to "06:00" allows night shifts).
 */
public record ShiftRules(List<Integer> shiftLengthsMinutes, Integer startGridMinutes, BreakRule breakMinutesPerHours,
                         LunchRule lunch, Integer minRestHours, String earliestStart, String latestEnd) {

    public record BreakRule(Integer minutes, Integer everyHours) {}

    public record LunchRule(Integer minutes, Integer earliestAfterMinutes, Integer latestAfterMinutes, Integer minShiftMinutes) {}

    public static final ShiftRules DEFAULTS = new ShiftRules(List.of(480), 30, new BreakRule(15, 4),
            new LunchRule(30, 180, 300, 360), 11, "06:00", "22:00");

    /** Values of {@code patch} where given, else this one's. */
    public ShiftRules merge(ShiftRules patch) {
        if (patch == null) return this;
        BreakRule b = breakMinutesPerHours;
        if (patch.breakMinutesPerHours() != null) {
            BreakRule p = patch.breakMinutesPerHours();
            b = new BreakRule(p.minutes() != null ? p.minutes() : b.minutes(), p.everyHours() != null ? p.everyHours() : b.everyHours());
        }
        LunchRule l = lunch;
        if (patch.lunch() != null) {
            LunchRule p = patch.lunch();
            l = new LunchRule(p.minutes() != null ? p.minutes() : l.minutes(),
                    p.earliestAfterMinutes() != null ? p.earliestAfterMinutes() : l.earliestAfterMinutes(),
                    p.latestAfterMinutes() != null ? p.latestAfterMinutes() : l.latestAfterMinutes(),
                    p.minShiftMinutes() != null ? p.minShiftMinutes() : l.minShiftMinutes());
        }
        return new ShiftRules(patch.shiftLengthsMinutes() != null ? List.copyOf(patch.shiftLengthsMinutes()) : shiftLengthsMinutes,
                patch.startGridMinutes() != null ? patch.startGridMinutes() : startGridMinutes, b, l,
                patch.minRestHours() != null ? patch.minRestHours() : minRestHours,
                patch.earliestStart() != null ? patch.earliestStart() : earliestStart,
                patch.latestEnd() != null ? patch.latestEnd() : latestEnd);
    }

    /** Every field out of bounds, each naming its field. */
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (shiftLengthsMinutes == null || shiftLengthsMinutes.isEmpty() || shiftLengthsMinutes.size() > 10) {
            errors.add(new FieldError("shift_lengths_minutes", "1 to 10 lengths are required"));
        } else {
            for (Integer m : shiftLengthsMinutes) {
                if (m == null || m < 60 || m > 720 || m % 15 != 0) {
                    errors.add(new FieldError("shift_lengths_minutes", "each length must be 60 to 720 minutes in steps of 15, not " + m));
                    break;
                }
            }
        }
        if (startGridMinutes == null || startGridMinutes < 15 || startGridMinutes > 240 || startGridMinutes % 15 != 0) {
            errors.add(new FieldError("start_grid_minutes", "must be 15 to 240 minutes in steps of 15"));
        }
        if (breakMinutesPerHours == null || breakMinutesPerHours.minutes() == null || breakMinutesPerHours.minutes() < 0
                || breakMinutesPerHours.minutes() > 60 || breakMinutesPerHours.minutes() % 5 != 0) {
            errors.add(new FieldError("break_minutes_per_hours.minutes", "must be 0 (no breaks) to 60 in steps of 5"));
        }
        if (breakMinutesPerHours == null || breakMinutesPerHours.everyHours() == null || breakMinutesPerHours.everyHours() < 1
                || breakMinutesPerHours.everyHours() > 12) {
            errors.add(new FieldError("break_minutes_per_hours.every_hours", "must be 1 to 12"));
        }
        if (lunch == null || lunch.minutes() == null || lunch.minutes() < 0 || lunch.minutes() > 120 || lunch.minutes() % 15 != 0) {
            errors.add(new FieldError("lunch.minutes", "must be 0 (no lunch) to 120 in steps of 15"));
        }
        if (lunch == null || lunch.earliestAfterMinutes() == null || lunch.earliestAfterMinutes() < 0 || lunch.earliestAfterMinutes() > 720) {
            errors.add(new FieldError("lunch.earliest_after_minutes", "must be 0 to 720"));
        }
        if (lunch == null || lunch.latestAfterMinutes() == null || lunch.latestAfterMinutes() < 0 || lunch.latestAfterMinutes() > 720
                || (lunch.earliestAfterMinutes() != null && lunch.latestAfterMinutes() < lunch.earliestAfterMinutes())) {
            errors.add(new FieldError("lunch.latest_after_minutes", "must be 0 to 720 and not before earliest_after_minutes"));
        }
        if (lunch == null || lunch.minShiftMinutes() == null || lunch.minShiftMinutes() < 0 || lunch.minShiftMinutes() > 720) {
            errors.add(new FieldError("lunch.min_shift_minutes", "must be 0 to 720"));
        }
        if (minRestHours == null || minRestHours < 0 || minRestHours > 24) errors.add(new FieldError("min_rest_hours", "must be 0 to 24"));
        Integer from = minute(earliestStart, false);
        Integer to = minute(latestEnd, true);
        if (from != null && to != null && to <= from) to += 1440;
        final Integer until = to;
        if (from == null) errors.add(new FieldError("earliest_start", "must be a local time like 06:00 on a quarter hour"));
        if (to == null) errors.add(new FieldError("latest_end", "must be a local time like 22:00 (or 24:00) on a quarter hour"));
        if (from != null && to != null && shiftLengthsMinutes != null && !shiftLengthsMinutes.isEmpty()
                && shiftLengthsMinutes.stream().allMatch(m -> m != null && from + m > until)) {
            errors.add(new FieldError("latest_end", "no shift length fits between earliest_start and latest_end"));
        }
        return errors;
    }

    public int earliestStartMinute() {
        return minute(earliestStart, false);
    }

    /** Minutes from the start of the shift's day; above 1440 when the latest end is on the next day. */
    public int latestEndMinute() {
        int end = minute(latestEnd, true);
        return end <= earliestStartMinute() ? end + 1440 : end;
    }

    /** Minute of the day of "HH:mm" on a quarter hour, or null; "24:00" only where {@code allowMidnight}. */
    static Integer minute(String time, boolean allowMidnight) {
        if (time == null) return null;
        String t = time.strip();
        if (allowMidnight && t.equals("24:00")) return 1440;
        try {
            LocalTime lt = LocalTime.parse(t);
            if (lt.getSecond() != 0 || lt.getNano() != 0 || lt.getMinute() % 15 != 0) return null;
            return lt.getHour() * 60 + lt.getMinute();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
