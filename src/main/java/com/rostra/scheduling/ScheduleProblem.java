package com.rostra.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rostra.scheduling.solver.Block;
import com.rostra.scheduling.solver.Demand;
import com.rostra.scheduling.solver.DemandGrid;
import com.rostra.scheduling.solver.ScheduleSolution;
import com.rostra.scheduling.solver.ShiftAssignment;
import com.rostra.scheduling.solver.ShiftOption;
import com.rostra.scheduling.solver.Skill;
import com.rostra.scheduling.solver.Staff;
import com.rostra.scheduling.solver.StaffWeek;

/**
 * Turns shift rules, people and demand into a solver problem, and a solved problem back into shifts and coverage.
 * Pure: no Spring, no I/O.
 */
public final class ScheduleProblem {

    private ScheduleProblem() {}

    /** A shift shape: start (local minute of day), length, and where its breaks and lunch fall. */
    public record Pattern(int startMinute, int lengthMinutes, List<Block> blocks) {}

    /** A block of a shift; {@code skill}: what a work block works (a shift that switches works its second skill after the switch). */
    public record Part(Block.Kind kind, Instant start, Instant end, Skill skill) {}

    public record Shift(long personId, Instant start, Instant end, Skill skill, List<Part> parts) {}

    public record Cell(Instant start, Skill skill, int quarter, int required, int scheduled) {}

    /** Every shape the rules allow: each start on the grid between the earliest start and the latest end, each length, lunch early, mid or late. */
    public static List<Pattern> patterns(ShiftRules rules) {
        List<Pattern> result = new ArrayList<>();
        int grid = rules.startGridMinutes();
        int first = ((rules.earliestStartMinute() + grid - 1) / grid) * grid;
        for (int length : rules.shiftLengthsMinutes().stream().distinct().sorted().toList()) {
            for (int start = first; start < 1440 && start + length <= rules.latestEndMinute(); start += grid) {
                for (List<Block> blocks : layouts(rules, length)) result.add(new Pattern(start, length, blocks));
            }
        }
        return result;
    }

    /** The ways to lay out breaks and lunch in a shift of {@code length} minutes (one or up to three lunch positions). */
    static List<List<Block>> layouts(ShiftRules rules, int length) {
        ShiftRules.LunchRule lunch = rules.lunch();
        List<Integer> lunchStarts = new ArrayList<>();
        if (lunch.minutes() > 0 && length >= lunch.minShiftMinutes()) {
            int lo = roundUp15(lunch.earliestAfterMinutes());
            int hi = Math.min(lunch.latestAfterMinutes(), length - lunch.minutes() - 15) / 15 * 15;
            if (hi >= lo) {
                lunchStarts.add(lo);
                int mid = (lo + hi) / 2 / 15 * 15;
                if (mid != lo) lunchStarts.add(mid);
                if (hi != mid && hi != lo) lunchStarts.add(hi);
            }
        }
        if (lunchStarts.isEmpty()) lunchStarts.add(-1);
        List<List<Block>> result = new ArrayList<>();
        for (int lunchStart : lunchStarts) result.add(layout(rules, length, lunchStart));
        return result;
    }

    private static List<Block> layout(ShiftRules rules, int length, int lunchStart) {
        int lunchMinutes = lunchStart < 0 ? 0 : rules.lunch().minutes();
        List<Block> pauses = new ArrayList<>();
        if (lunchStart >= 0) pauses.add(new Block(Block.Kind.LUNCH, lunchStart, lunchMinutes));
        int breakMinutes = rules.breakMinutesPerHours().minutes();
        int count = breakMinutes == 0 ? 0 : length / (rules.breakMinutesPerHours().everyHours() * 60);
        for (int k = 1; k <= count; k++) {
            int ideal = Math.round((float) k * length / (count + 1) / 15) * 15;
            int at = ideal;
            for (int step = 1; step <= 16 && clashes(pauses, at, breakMinutes, length); step++) {
                at = ideal + (step % 2 == 1 ? 1 : -1) * 15 * ((step + 1) / 2);
            }
            if (!clashes(pauses, at, breakMinutes, length)) pauses.add(new Block(Block.Kind.BREAK, at, breakMinutes));
        }
        pauses.sort((a, b) -> Integer.compare(a.offsetMinutes(), b.offsetMinutes()));
        List<Block> blocks = new ArrayList<>();
        int at = 0;
        for (Block p : pauses) {
            if (p.offsetMinutes() > at) blocks.add(new Block(Block.Kind.WORK, at, p.offsetMinutes() - at));
            blocks.add(p);
            at = p.endMinutes();
        }
        if (at < length) blocks.add(new Block(Block.Kind.WORK, at, length - at));
        return blocks;
    }

    /** A pause clashes when it leaves less than 15 minutes of work around another pause or the shift's ends. */
    private static boolean clashes(List<Block> pauses, int at, int minutes, int length) {
        if (at < 15 || at + minutes > length - 15) return true;
        for (Block p : pauses) {
            if (at < p.endMinutes() + 15 && p.offsetMinutes() < at + minutes + 15) return true;
        }
        return false;
    }

    private static int roundUp15(int minutes) {
        return (minutes + 14) / 15 * 15;
    }

    /**
     * The problem for [{@code start}, {@code end}): one entity per person and local day, offered the shifts that fit
     * inside the horizon, the person's skills, availability and blocked time. {@code required[skill][quarter]}.
     * A day with a kept shift inside the horizon is a pinned entity holding that shift; kept shifts outside the horizon
     * raise their week's hours and days and are checked for rest.
     */
    public static ScheduleSolution build(ShiftRules rules, ZoneId zone, Instant start, Instant end, List<Skill> skills,
                                         int[][] required, List<Staff> staff) {
        return build(rules, zone, start, end, skills, required, staff, false);
    }

    /** {@code allowSwitch}: people with several skills are also offered shifts that switch skill once (at lunch's end or the middle). */
    public static ScheduleSolution build(ShiftRules rules, ZoneId zone, Instant start, Instant end, List<Skill> skills,
                                         int[][] required, List<Staff> staff, boolean allowSwitch) {
        int quarters = (int) (Duration.between(start, end).toMinutes() / 15);
        List<Demand> demands = new ArrayList<>();
        for (Skill s : skills) {
            for (int q = 0; q < quarters; q++) {
                demands.add(new Demand(s.index() * quarters + q, s, q, start.plus(Duration.ofMinutes(15L * q)), required[s.index()][q]));
            }
        }
        DemandGrid grid = new DemandGrid(skills, quarters, start, demands);
        List<Pattern> patterns = patterns(rules);
        List<ShiftOption[]> optionsByPattern = new ArrayList<>();
        int id = 0;
        for (Pattern p : patterns) {
            ShiftOption[] bySkill = new ShiftOption[skills.size()];
            for (Skill s : skills) bySkill[s.index()] = new ShiftOption(id++, p.startMinute(), p.lengthMinutes(), s, p.blocks());
            optionsByPattern.add(bySkill);
        }
        LocalDate firstDay = LocalDate.ofInstant(start, zone);
        LocalDate lastDay = LocalDate.ofInstant(end.minusSeconds(1), zone);
        List<LocalDate> days = firstDay.datesUntil(lastDay.plusDays(1)).toList();
        List<StaffWeek> weeks = new ArrayList<>();
        List<ShiftAssignment> assignments = new ArrayList<>();
        Map<Integer, ShiftOption> switching = new HashMap<>();
        int[] nextId = {id + 1_000_000};
        for (Staff person : staff) {
            // Kept shifts: inside the horizon they pin their day; outside it they count for their week and for rest.
            Map<LocalDate, List<Staff.Kept>> pinnedByDay = new HashMap<>();
            Map<LocalDate, int[]> keptByWeek = new HashMap<>();
            Map<LocalDate, Set<LocalDate>> outsideDaysByWeek = new HashMap<>();
            Map<LocalDate, Set<LocalDate>> keptDaysByWeek = new HashMap<>();
            for (Staff.Kept k : person.kept()) {
                LocalDate monday = k.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                int[] minutes = keptByWeek.computeIfAbsent(monday, m -> new int[2]);
                keptDaysByWeek.computeIfAbsent(monday, m -> new HashSet<>()).add(k.day());
                if (k.inHorizon()) {
                    pinnedByDay.computeIfAbsent(k.day(), d -> new ArrayList<>()).add(k);
                    minutes[1] += k.paidMinutes();
                } else {
                    outsideDaysByWeek.computeIfAbsent(monday, m -> new HashSet<>()).add(k.day());
                    minutes[0] += k.paidMinutes();
                }
            }
            Map<LocalDate, StaffWeek> personWeeks = new LinkedHashMap<>();
            for (int d = 0; d < days.size(); d++) {
                LocalDate day = days.get(d);
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                StaffWeek week = personWeeks.computeIfAbsent(monday, m -> {
                    int[] kept = keptByWeek.getOrDefault(m, new int[2]);
                    int outsideDays = outsideDaysByWeek.getOrDefault(m, Set.of()).size();
                    int keptDays = keptDaysByWeek.getOrDefault(m, Set.of()).size();
                    return new StaffWeek(person, m,
                            !m.isBefore(firstDay) && !m.plusDays(6).isAfter(lastDay)
                                    && !ShiftAssignment.startOf(m, 0, zone).isBefore(start)
                                    && !ShiftAssignment.startOf(m.plusDays(7), 0, zone).isAfter(end),
                            kept[0], outsideDays, Math.max(person.maxMinutesPerWeek(), kept[0] + kept[1]),
                            Math.max(person.maxDaysPerWeek(), keptDays));
                });
                List<Staff.Kept> pinned = pinnedByDay.get(day);
                if (pinned != null) {
                    Instant from = pinned.stream().map(Staff.Kept::start).min(Instant::compareTo).orElseThrow();
                    Instant to = pinned.stream().map(Staff.Kept::end).max(Instant::compareTo).orElseThrow();
                    int paid = pinned.stream().mapToInt(Staff.Kept::paidMinutes).sum();
                    LocalTime local = from.atZone(zone).toLocalTime();
                    ShiftOption kept = ShiftOption.kept(id++, local.getHour() * 60 + local.getMinute(), (int) Duration.between(from, to).toMinutes(), paid);
                    assignments.add(new ShiftAssignment(person.personId() + "-" + day, person, week, day, d, zone, start, grid, List.of()).pin(kept));
                    continue;
                }
                List<ShiftOption> options = new ArrayList<>();
                for (int p = 0; p < patterns.size(); p++) {
                    Pattern pattern = patterns.get(p);
                    Instant from = ShiftAssignment.startOf(day, pattern.startMinute(), zone);
                    Instant to = from.plus(Duration.ofMinutes(pattern.lengthMinutes()));
                    if (from.isBefore(start) || to.isAfter(end)) continue;
                    if (!person.availableFor(day.getDayOfWeek(), pattern.startMinute(), pattern.startMinute() + pattern.lengthMinutes())) continue;
                    if (person.blockedMinutes(from, to) > 0) continue;
                    for (Skill s : skills) if (person.skills().contains(s.index())) options.add(optionsByPattern.get(p)[s.index()]);
                    // Several skills: also shifts that switch from one to another at the switch point (lunch's end or middle).
                    if (allowSwitch && person.skills().size() > 1) {
                        for (Skill a : skills) {
                            if (!person.skills().contains(a.index())) continue;
                            for (Skill b : skills) {
                                if (b == a || !person.skills().contains(b.index())) continue;
                                int key = (p * skills.size() + a.index()) * skills.size() + b.index();
                                options.add(switching.computeIfAbsent(key, k -> new ShiftOption(nextId[0]++, pattern.startMinute(),
                                        pattern.lengthMinutes(), a, b, pattern.blocks())));
                            }
                        }
                    }
                }
                assignments.add(new ShiftAssignment(person.personId() + "-" + day, person, week, day, d, zone, start, grid, options));
            }
            weeks.addAll(personWeeks.values());
        }
        return new ScheduleSolution(staff, weeks, demands, assignments);
    }

    public static List<Shift> shifts(ScheduleSolution solution) {
        List<Shift> result = new ArrayList<>();
        for (ShiftAssignment a : solution.getAssignments()) {
            if (!a.isWorking() || a.isPinned()) continue;
            Instant from = a.getStart();
            Skill first = a.getOption().skill();
            Skill second = a.isSwitching() ? a.getSwitchSkill() : first;
            int switchAt = a.getOption().switchMinute();
            List<Part> parts = new ArrayList<>();
            for (Block b : a.getOption().blocks()) {
                Instant bs = from.plus(Duration.ofMinutes(b.offsetMinutes()));
                Instant be = from.plus(Duration.ofMinutes(b.endMinutes()));
                if (b.kind() != Block.Kind.WORK) parts.add(new Part(b.kind(), bs, be, null));
                else if (b.endMinutes() <= switchAt || second == first) parts.add(new Part(b.kind(), bs, be, first));
                else if (b.offsetMinutes() >= switchAt) parts.add(new Part(b.kind(), bs, be, second));
                else {
                    Instant at = from.plus(Duration.ofMinutes(switchAt));
                    parts.add(new Part(b.kind(), bs, at, first));
                    parts.add(new Part(b.kind(), at, be, second));
                }
            }
            result.add(new Shift(a.getStaff().personId(), from, a.getEnd(), first, parts));
        }
        result.sort((x, y) -> x.start().equals(y.start()) ? Long.compare(x.personId(), y.personId()) : x.start().compareTo(y.start()));
        return result;
    }

    /** Required against scheduled per skill and quarter hour. */
    public static List<Cell> coverage(ScheduleSolution solution) {
        Map<Integer, Integer> scheduled = new HashMap<>();
        for (ShiftAssignment a : solution.getAssignments()) {
            if (a.isWorking()) for (Demand d : a.getCoveredDemands()) scheduled.merge(d.key(), 1, Integer::sum);
        }
        return solution.getDemands().stream()
                .map(d -> new Cell(d.start(), d.skill(), d.quarter(), d.required(), scheduled.getOrDefault(d.key(), 0))).toList();
    }
}
