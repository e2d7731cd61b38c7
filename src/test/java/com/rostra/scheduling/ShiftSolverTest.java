package com.rostra.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.rostra.scheduling.solver.ScheduleSolution;
import com.rostra.scheduling.solver.SolverSetup;
import com.rostra.scheduling.solver.Skill;
import com.rostra.scheduling.solver.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/** Small instances solved for real (a few seconds at most each): optimal coverage is found, hard rules hold. */
class ShiftSolverTest {

    static final ZoneId ZONE = ZoneOffset.UTC;
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Skill PHONE = new Skill(0, null, "phone");
    static final Skill CHAT = new Skill(1, null, "chat");
    /** Eight-hour shifts on the hour, no breaks or lunch: coverage is easy to compute by hand. */
    static final ShiftRules PLAIN = new ShiftRules(List.of(480), 60, new ShiftRules.BreakRule(0, 4),
            new ShiftRules.LunchRule(0, 180, 300, 360), 11, "06:00", "24:00");

    static Staff person(long id, Set<Integer> skills) {
        return new Staff(id, skills, 0, 40 * 60, 5, 11 * 60, List.of(), List.of());
    }

    /** {@code perHour[h]} agents needed in each quarter of local hour h of each day. */
    static int[] demand(int days, int[] perHour) {
        int[] quarters = new int[days * 96];
        for (int d = 0; d < days; d++) for (int q = 0; q < 96; q++) quarters[d * 96 + q] = perHour[q / 4];
        return quarters;
    }

    static ScheduleSolution solve(ScheduleSolution problem, int seconds) {
        return SolverSetup.factory(Duration.ofSeconds(seconds), Duration.ofSeconds(1)).buildSolver().solve(problem);
    }

    static int[] hours(int from, int to, int agents, int[] into) {
        for (int h = from; h < to; h++) into[h] = agents;
        return into;
    }

    @Test
    void aDayWithAKnownPerfectScheduleIsSolvedToIt() {
        // 2 agents 09–13, 3 agents 13–17, 1 agent 17–21: exactly two 09–17 shifts and one 13–21.
        int[] perHour = hours(17, 21, 1, hours(13, 17, 3, hours(9, 13, 2, new int[24])));
        Instant start = MONDAY.atStartOfDay(ZONE).toInstant();
        ScheduleSolution problem = ScheduleProblem.build(PLAIN, ZONE, start, start.plus(Duration.ofDays(1)), List.of(PHONE),
                new int[][] {demand(1, perHour)}, List.of(person(1, Set.of(0)), person(2, Set.of(0)), person(3, Set.of(0)), person(4, Set.of(0))));
        ScheduleSolution solved = solve(problem, 10);
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getScore().softScore()).as("every quarter hour staffed exactly").isZero();
        assertThat(ScheduleProblem.coverage(solved)).allSatisfy(c -> assertThat(c.scheduled()).isEqualTo(c.required()));
        assertThat(ScheduleProblem.shifts(solved)).extracting(s -> s.start().atZone(ZONE).getHour()).containsExactlyInAnyOrder(9, 9, 13);
    }

    @Test
    void timeOffAvailabilityAndSkillsHoldEvenWhenBreakingThemWouldCoverDemand() {
        // Three agents needed 09–17 on the phones; only one person can legally work it.
        Instant start = MONDAY.atStartOfDay(ZONE).toInstant();
        Instant nine = MONDAY.atTime(9, 0).atZone(ZONE).toInstant();
        Staff free = person(1, Set.of(0));
        Staff onLeave = new Staff(2, Set.of(0), 0, 2400, 5, 660, List.of(), List.of(new Staff.Blocked(start, start.plus(Duration.ofDays(1)))));
        Staff eveningsOnly = new Staff(3, Set.of(0), 0, 2400, 5, 660,
                List.of(new Staff.Window(DayOfWeek.MONDAY, 18 * 60, 24 * 60)), List.of());
        Staff chatOnly = person(4, Set.of(1));
        ScheduleSolution problem = ScheduleProblem.build(PLAIN, ZONE, start, start.plus(Duration.ofDays(1)), List.of(PHONE, CHAT),
                new int[][] {demand(1, hours(9, 17, 3, new int[24])), new int[96]}, List.of(free, onLeave, eveningsOnly, chatOnly));
        ScheduleSolution solved = solve(problem, 3);
        assertThat(solved.getScore().hardScore()).isZero();
        List<ScheduleProblem.Shift> shifts = ScheduleProblem.shifts(solved);
        assertThat(shifts).extracting(ScheduleProblem.Shift::personId).containsExactly(1L);
        assertThat(shifts.get(0).start()).isEqualTo(nine);
    }

    @Test
    void contractDaysHoursAndRestHoldEvenWhenBreakingThemWouldCoverDemand() {
        // One person, a week of demand 06–14 and 14–22 every day: at most 3 days (contract), 24 hours, 11 h rest.
        Instant start = MONDAY.atStartOfDay(ZONE).toInstant();
        Staff one = new Staff(1, Set.of(0), 0, 24 * 60, 3, 11 * 60, List.of(), List.of());
        ScheduleSolution problem = ScheduleProblem.build(PLAIN, ZONE, start, start.plus(Duration.ofDays(7)), List.of(PHONE),
                new int[][] {demand(7, hours(6, 22, 1, new int[24]))}, List.of(one));
        ScheduleSolution solved = solve(problem, 3);
        assertThat(solved.getScore().hardScore()).isZero();
        List<ScheduleProblem.Shift> shifts = ScheduleProblem.shifts(solved);
        assertThat(shifts).hasSize(3);
        for (int i = 1; i < shifts.size(); i++) {
            assertThat(Duration.between(shifts.get(i - 1).end(), shifts.get(i).start())).isGreaterThanOrEqualTo(Duration.ofHours(11));
        }
    }

    @Test
    void lunchesAreStaggeredAndInsideTheirWindow() {
        ShiftRules rules = new ShiftRules(List.of(480), 60, new ShiftRules.BreakRule(15, 4),
                new ShiftRules.LunchRule(30, 180, 300, 360), 11, "06:00", "24:00");
        assertThat(ScheduleProblem.layouts(rules, 480)).allSatisfy(blocks -> {
            assertThat(blocks.stream().mapToInt(b -> b.minutes()).sum()).isEqualTo(480);
            assertThat(blocks).filteredOn(b -> b.kind() == com.rostra.scheduling.solver.Block.Kind.LUNCH).singleElement()
                    .satisfies(l -> assertThat(l.offsetMinutes()).isBetween(180, 300));
            assertThat(blocks).filteredOn(b -> b.kind() == com.rostra.scheduling.solver.Block.Kind.BREAK).hasSize(2);
        });
        assertThat(ScheduleProblem.layouts(rules, 480)).hasSize(3);
        assertThat(ScheduleProblem.layouts(rules, 240)).as("short shifts have no lunch").singleElement()
                .satisfies(blocks -> assertThat(blocks).noneMatch(b -> b.kind() == com.rostra.scheduling.solver.Block.Kind.LUNCH));
    }

    @Test
    void onTheDayClocksFallBackShiftsKeepTheirLocalTimesAndTheDayHas100QuarterHours() {
        ZoneId newYork = ZoneId.of("America/New_York");
        LocalDate fallBack = LocalDate.of(2026, 11, 1);
        Instant start = fallBack.atStartOfDay(newYork).toInstant();
        Instant end = fallBack.plusDays(1).atStartOfDay(newYork).toInstant();
        int[] need = new int[100];
        // 09:00–17:00 local is quarters 40–71 of a 25-hour day (the 01:00 hour happens twice).
        for (int q = 40; q < 72; q++) need[q] = 1;
        ScheduleSolution solved = solve(ScheduleProblem.build(PLAIN, newYork, start, end, List.of(PHONE), new int[][] {need},
                List.of(person(1, Set.of(0)))), 3);
        assertThat(solved.getDemands()).hasSize(100);
        assertThat(solved.getScore().softScore()).isZero();
        ScheduleProblem.Shift shift = ScheduleProblem.shifts(solved).get(0);
        assertThat(shift.start()).isEqualTo(fallBack.atTime(9, 0).atZone(newYork).toInstant());
        assertThat(shift.start().atZone(newYork).getHour()).isEqualTo(9);
    }

    @Test
    void aLatestEndBeforeTheEarliestStartAllowsNightShiftsAcrossMidnight() {
        ShiftRules nights = new ShiftRules(List.of(480), 60, new ShiftRules.BreakRule(0, 4),
                new ShiftRules.LunchRule(0, 180, 300, 360), 11, "20:00", "06:00");
        assertThat(nights.validate()).isEmpty();
        // One agent needed 22:00–06:00 from Monday night into Tuesday.
        Instant start = MONDAY.atStartOfDay(ZONE).toInstant();
        int[] need = new int[2 * 96];
        for (int q = 22 * 4; q < 30 * 4; q++) need[q] = 1;
        ScheduleSolution solved = solve(ScheduleProblem.build(nights, ZONE, start, start.plus(Duration.ofDays(2)), List.of(PHONE),
                new int[][] {need}, List.of(person(1, Set.of(0)))), 3);
        assertThat(solved.getScore().softScore()).isZero();
        ScheduleProblem.Shift shift = ScheduleProblem.shifts(solved).get(0);
        assertThat(shift.start()).isEqualTo(MONDAY.atTime(22, 0).atZone(ZONE).toInstant());
        assertThat(shift.end()).isEqualTo(MONDAY.plusDays(1).atTime(6, 0).atZone(ZONE).toInstant());
    }

    static Staff withKept(long id, int maxHours, int maxDays, List<Staff.Window> availability, Staff.Kept... kept) {
        return new Staff(id, Set.of(0), 0, maxHours * 60, maxDays, 11 * 60, availability, List.of(), List.of(kept));
    }

    static Staff.Kept kept(LocalDate day, int fromHour, int toHour, boolean inHorizon) {
        return new Staff.Kept(day.atTime(fromHour, 0).atZone(ZONE).toInstant(), day.atTime(toHour, 0).atZone(ZONE).toInstant(),
                (toHour - fromHour) * 60, day, inHorizon);
    }

    @Test
    void restCountsLastWeeksSundayShiftJustOutsideTheHorizon() {
        // Monday 06-14 needs one agent. Alone, the 06:00 shift covers it exactly; after a Sunday shift ending 22:00
        // it would leave 8 h rest, so the solver must start at 09:00 or later and leave the early hours short.
        Instant start = MONDAY.atStartOfDay(ZONE).toInstant();
        int[][] need = {demand(1, hours(6, 14, 1, new int[24]))};
        ScheduleSolution fresh = solve(ScheduleProblem.build(PLAIN, ZONE, start, start.plus(Duration.ofDays(1)), List.of(PHONE), need,
                List.of(person(1, Set.of(0)))), 2);
        assertThat(ScheduleProblem.shifts(fresh).get(0).start()).as("without the Sunday shift, 06:00 is best").isEqualTo(MONDAY.atTime(6, 0).atZone(ZONE).toInstant());

        Staff afterSunday = withKept(1, 40, 5, List.of(), kept(MONDAY.minusDays(1), 14, 22, false));
        ScheduleSolution solved = solve(ScheduleProblem.build(PLAIN, ZONE, start, start.plus(Duration.ofDays(1)), List.of(PHONE), need,
                List.of(afterSunday)), 2);
        assertThat(solved.getScore().hardScore()).isZero();
        List<ScheduleProblem.Shift> shifts = ScheduleProblem.shifts(solved);
        assertThat(shifts).singleElement().satisfies(sh -> assertThat(sh.start()).isEqualTo(MONDAY.atTime(9, 0).atZone(ZONE).toInstant()));
        assertThat(ScheduleProblem.coverage(solved).stream().filter(c -> c.scheduled() < c.required())).as("06-09 stays short").hasSize(12);
    }

    @Test
    void daysAndHoursCountTheWeeksShiftsBeforeAPartialHorizon() {
        // The horizon is Thursday to Sunday; Monday to Wednesday already hold three kept 8-hour shifts.
        LocalDate thursday = MONDAY.plusDays(3);
        Instant start = thursday.atStartOfDay(ZONE).toInstant();
        Instant end = start.plus(Duration.ofDays(4));
        int[][] need = {demand(4, hours(9, 17, 1, new int[24]))};
        Staff.Kept[] week = {kept(MONDAY, 9, 17, false), kept(MONDAY.plusDays(1), 9, 17, false), kept(MONDAY.plusDays(2), 9, 17, false)};
        // Four days at most: one more day, although four are needed.
        ScheduleSolution byDays = solve(ScheduleProblem.build(PLAIN, ZONE, start, end, List.of(PHONE), need,
                List.of(withKept(1, 80, 4, List.of(), week))), 2);
        assertThat(byDays.getScore().hardScore()).isZero();
        assertThat(ScheduleProblem.shifts(byDays)).hasSize(1);
        // 40 hours at most: 24 are used, so two more 8-hour shifts.
        ScheduleSolution byHours = solve(ScheduleProblem.build(PLAIN, ZONE, start, end, List.of(PHONE), need,
                List.of(withKept(1, 40, 7, List.of(), week))), 2);
        assertThat(byHours.getScore().hardScore()).isZero();
        assertThat(ScheduleProblem.shifts(byHours)).hasSize(2);
        // Without them the same person works all four days.
        ScheduleSolution fresh = solve(ScheduleProblem.build(PLAIN, ZONE, start, end, List.of(PHONE), need,
                List.of(withKept(1, 40, 7, List.of()))), 2);
        assertThat(ScheduleProblem.shifts(fresh)).hasSize(4);
    }

    @Test
    void aLockedShiftIsAPinnedEntityTheSolverPlansAround() {
        // Monday holds a locked 09-17 shift outside the person's availability (kept anyway, no hard penalty); the
        // contract allows one day a week, so Tuesday's demand stays uncovered and the locked day is not proposed again.
        Instant start = MONDAY.atStartOfDay(ZONE).toInstant();
        Staff locked = withKept(1, 40, 1, List.of(new Staff.Window(DayOfWeek.TUESDAY, 6 * 60, 24 * 60)), kept(MONDAY, 9, 17, true));
        ScheduleSolution problem = ScheduleProblem.build(PLAIN, ZONE, start, start.plus(Duration.ofDays(2)), List.of(PHONE),
                new int[][] {demand(2, hours(9, 17, 1, new int[24]))}, List.of(locked));
        ScheduleSolution solved = solve(problem, 2);
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getAssignments()).filteredOn(com.rostra.scheduling.solver.ShiftAssignment::isPinned).singleElement()
                .satisfies(a -> {
                    assertThat(a.getDay()).isEqualTo(MONDAY);
                    assertThat(a.getStart()).isEqualTo(MONDAY.atTime(9, 0).atZone(ZONE).toInstant());
                });
        assertThat(ScheduleProblem.shifts(solved)).as("nothing new: one day a week, and Monday is the locked one").isEmpty();
    }

    @Test
    void aPersonWithTwoSkillsSwitchesInsideTheShiftWhenThatIsTheOnlyWayToCoverBoth() {
        // Phones need one agent 09-13, chat one agent 13-17; one person has both skills, the other only chat but is
        // not available. One 8-hour shift switching at its middle covers both exactly (costing only the switch).
        Instant start = MONDAY.atStartOfDay(ZONE).toInstant();
        Staff both = person(1, Set.of(0, 1));
        Staff away = new Staff(2, Set.of(1), 0, 2400, 5, 660, List.of(), List.of(new Staff.Blocked(start, start.plus(Duration.ofDays(1)))));
        ScheduleSolution solved = solve(ScheduleProblem.build(PLAIN, ZONE, start, start.plus(Duration.ofDays(1)), List.of(PHONE, CHAT),
                new int[][] {demand(1, hours(9, 13, 1, new int[24])), demand(1, hours(13, 17, 1, new int[24]))}, List.of(both, away), true), 3);
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.getScore().softScore()).as("only the switch costs").isEqualTo(-com.rostra.scheduling.solver.ScheduleConstraints.SWITCH_WEIGHT);
        ScheduleProblem.Shift shift = ScheduleProblem.shifts(solved).get(0);
        assertThat(shift.parts()).extracting(p -> p.skill().channel() + " " + p.start().atZone(ZONE).getHour() + "-" + p.end().atZone(ZONE).getHour())
                .containsExactly("phone 9-13", "chat 13-17");
        // One skill: nothing to switch to; and without skill_switch nobody is offered a switch.
        ScheduleSolution offered = ScheduleProblem.build(PLAIN, ZONE, start, start.plus(Duration.ofDays(1)), List.of(PHONE, CHAT),
                new int[][] {new int[96], new int[96]}, List.of(both, person(3, Set.of(1))), true);
        assertThat(offered.getAssignments().get(0).getOptions()).anyMatch(o -> o.switchSkill() != null);
        assertThat(offered.getAssignments().get(1).getOptions()).isNotEmpty().allMatch(o -> o.switchSkill() == null);
        ScheduleSolution off = ScheduleProblem.build(PLAIN, ZONE, start, start.plus(Duration.ofDays(1)), List.of(PHONE, CHAT),
                new int[][] {new int[96], new int[96]}, List.of(both), false);
        assertThat(off.getAssignments().get(0).getOptions()).isNotEmpty().allMatch(o -> o.switchSkill() == null);
    }
}
