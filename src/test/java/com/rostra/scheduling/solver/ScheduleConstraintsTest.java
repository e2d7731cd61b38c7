package com.rostra.scheduling.solver;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

/** Each constraint on its own, with hand-computed penalties. Monday 2026-11-23, UTC, a one-week horizon. */
class ScheduleConstraintsTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Instant HORIZON = MONDAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final int QUARTERS = 7 * 96;
    static final Skill PHONE = new Skill(0, null, "phone");
    static final Skill CHAT = new Skill(1, null, "chat");

    private final ConstraintVerifier<ScheduleConstraints, ScheduleSolution> verifier =
            ConstraintVerifier.build(new ScheduleConstraints(), ScheduleSolution.class, ShiftAssignment.class);

    private int nextOption;

    static Staff staff(long id) {
        return new Staff(id, Set.of(0), 0, 40 * 60, 5, 11 * 60, List.of(), List.of());
    }

    ShiftOption option(int startHour, int hours, Skill skill) {
        return new ShiftOption(nextOption++, startHour * 60, hours * 60, skill, List.of(new Block(Block.Kind.WORK, 0, hours * 60)));
    }

    static StaffWeek week(Staff s) {
        return new StaffWeek(s, MONDAY, true);
    }

    /** The demand cells entities made from now on point at (the same instances the test gives as facts). */
    private DemandGrid grid = new DemandGrid(List.of(PHONE, CHAT), QUARTERS, HORIZON, List.of());

    private void cells(Demand... demands) {
        grid = new DemandGrid(List.of(PHONE, CHAT), QUARTERS, HORIZON, List.of(demands));
    }

    ShiftAssignment on(Staff s, int day, ShiftOption option) {
        ShiftAssignment a = new ShiftAssignment(s.personId() + "-" + day + "-" + (option == null ? "off" : option.id()), s, week(s),
                MONDAY.plusDays(day), day, ZoneOffset.UTC, HORIZON, grid, option == null ? List.of() : List.of(option));
        a.setOption(option);
        return a;
    }

    static Demand demand(Skill skill, int day, int hour, int quarterInHour, int required) {
        int q = day * 96 + hour * 4 + quarterInHour;
        return new Demand(skill.index() * QUARTERS + q, skill, q, HORIZON.plusSeconds(q * 900L), required);
    }

    @Test
    void availabilityPenalizesTheWholeShiftOutsideTheWindows() {
        Staff s = new Staff(1, Set.of(0), 0, 2400, 5, 660, List.of(new Staff.Window(DayOfWeek.MONDAY, 9 * 60, 17 * 60)), List.of());
        verifier.verifyThat(ScheduleConstraints::availability).given(on(s, 0, option(8, 8, PHONE))).penalizesBy(480);
        verifier.verifyThat(ScheduleConstraints::availability).given(on(s, 0, option(9, 8, PHONE))).penalizesBy(0);
        verifier.verifyThat(ScheduleConstraints::availability).given(on(s, 1, option(9, 8, PHONE))).penalizesBy("no window on Tuesday", 480);
        verifier.verifyThat(ScheduleConstraints::availability).given(on(staff(2), 1, option(3, 8, PHONE))).penalizesBy("no windows: always available", 0);
    }

    @Test
    void timeOffPenalizesTheMinutesThatOverlapIt() {
        Instant noon = MONDAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Staff s = new Staff(1, Set.of(0), 0, 2400, 5, 660, List.of(), List.of(new Staff.Blocked(noon, noon.plusSeconds(7200))));
        verifier.verifyThat(ScheduleConstraints::timeOff).given(on(s, 0, option(9, 8, PHONE))).penalizesBy(120);
        verifier.verifyThat(ScheduleConstraints::timeOff).given(on(s, 1, option(9, 8, PHONE))).penalizesBy(0);
        verifier.verifyThat(ScheduleConstraints::timeOff).given(on(s, 0, null)).penalizesBy("a day off", 0);
    }

    @Test
    void aShiftOnASkillThePersonLacksIsPenalized() {
        verifier.verifyThat(ScheduleConstraints::skill).given(on(staff(1), 0, option(9, 8, CHAT))).penalizesBy(480);
        verifier.verifyThat(ScheduleConstraints::skill).given(on(staff(1), 0, option(9, 8, PHONE))).penalizesBy(0);
    }

    @Test
    void maxHoursPenalizesTheMinutesAboveTheWeeklyMaximum() {
        Staff s = new Staff(1, Set.of(0), 0, 16 * 60, 5, 660, List.of(), List.of());
        verifier.verifyThat(ScheduleConstraints::maxHours)
                .given(on(s, 0, option(9, 8, PHONE)), on(s, 1, option(9, 8, PHONE)), on(s, 2, option(9, 8, PHONE)))
                .penalizesBy(480);
        verifier.verifyThat(ScheduleConstraints::maxHours)
                .given(on(s, 0, option(9, 8, PHONE)), on(s, 1, option(9, 8, PHONE)), on(s, 2, null)).penalizesBy(0);
    }

    @Test
    void maxDaysPenalizesEachDayAboveTheWeeklyMaximum() {
        Staff s = new Staff(1, Set.of(0), 0, 2400, 2, 660, List.of(), List.of());
        verifier.verifyThat(ScheduleConstraints::maxDays)
                .given(on(s, 0, option(9, 4, PHONE)), on(s, 1, option(9, 4, PHONE)), on(s, 3, option(9, 4, PHONE)))
                .penalizesBy(60);
    }

    @Test
    void restPenalizesTheMinutesShortOfTheMinimumBetweenShifts() {
        Staff s = staff(1);
        // Monday 14:00–22:00, Tuesday 06:00–14:00: 8 hours of rest where 11 are due.
        verifier.verifyThat(ScheduleConstraints::rest).given(on(s, 0, option(14, 8, PHONE)), on(s, 1, option(6, 8, PHONE)))
                .penalizesBy(180);
        verifier.verifyThat(ScheduleConstraints::rest).given(on(s, 0, option(9, 8, PHONE)), on(s, 1, option(9, 8, PHONE)))
                .penalizesBy(0);
        verifier.verifyThat(ScheduleConstraints::rest).given(on(s, 0, option(14, 8, PHONE)), on(staff(2), 1, option(6, 8, PHONE)))
                .penalizesBy("different people", 0);
    }

    @Test
    void twoShiftsOnOneDayArePenalized() {
        Staff s = staff(1);
        verifier.verifyThat(ScheduleConstraints::oneShiftPerDay).given(on(s, 0, option(6, 4, PHONE)), on(s, 0, option(14, 4, PHONE)))
                .penalizesBy(60);
        verifier.verifyThat(ScheduleConstraints::oneShiftPerDay).given(on(s, 0, option(6, 4, PHONE)), on(s, 1, option(14, 4, PHONE)))
                .penalizesBy(0);
    }

    @Test
    void underCoverageIsSquaredPerQuarterHourSoDeficitsSpread() {
        Staff a = staff(1);
        // 09:00 needs 3 and gets 1 (2 missing: 4 × 100); 09:15 needs 1 and gets 1; 18:00 needs 1, nobody (1 × 100).
        Demand nine = demand(PHONE, 0, 9, 0, 3), quarterPast = demand(PHONE, 0, 9, 1, 1), six = demand(PHONE, 0, 18, 0, 1);
        cells(nine, quarterPast, six);
        verifier.verifyThat(ScheduleConstraints::underCoverage).given(on(a, 0, option(9, 1, PHONE)), nine, quarterPast, six)
                .penalizesBy(500);
        Demand phone = demand(PHONE, 0, 9, 0, 1);
        cells(phone);
        verifier.verifyThat(ScheduleConstraints::underCoverage)
                .given(on(a, 0, option(9, 1, CHAT)), phone).penalizesBy("a chat shift does not staff the phones", 100);
    }

    @Test
    void overCoverageCountsEachSpareAgentQuarterHour() {
        // Two people 09:00–10:00 where one is needed: four spare quarter hours.
        Demand[] d = {demand(PHONE, 0, 9, 0, 1), demand(PHONE, 0, 9, 1, 1), demand(PHONE, 0, 9, 2, 1), demand(PHONE, 0, 9, 3, 1)};
        cells(d);
        verifier.verifyThat(ScheduleConstraints::overCoverage)
                .given(on(staff(1), 0, option(9, 1, PHONE)), on(staff(2), 0, option(9, 1, PHONE)), d[0], d[1], d[2], d[3])
                .penalizesBy(4 * ScheduleConstraints.OVER_WEIGHT);
    }

    @Test
    void breaksAndLunchDoNotStaffTheirQuarterHours() {
        ShiftOption withLunch = new ShiftOption(99, 9 * 60, 120, PHONE, List.of(new Block(Block.Kind.WORK, 0, 60),
                new Block(Block.Kind.LUNCH, 60, 30), new Block(Block.Kind.WORK, 90, 30)));
        // Needed 09:00–11:00 (8 quarters); the lunch 10:00–10:30 leaves two of them empty.
        Demand[] demands = new Demand[8];
        for (int i = 0; i < 8; i++) demands[i] = demand(PHONE, 0, 9 + i / 4, i % 4, 1);
        cells(demands);
        Object[] facts = new Object[9];
        facts[0] = on(staff(1), 0, withLunch);
        System.arraycopy(demands, 0, facts, 1, 8);
        verifier.verifyThat(ScheduleConstraints::underCoverage).given(facts).penalizesBy(2 * ScheduleConstraints.UNDER_WEIGHT);
    }

    @Test
    void minHoursPenalizesMinutesBelowTheWeeklyMinimumOfFullWeeksOnly() {
        Staff s = new Staff(1, Set.of(0), 40 * 60, 2400, 5, 660, List.of(), List.of());
        Staff idle = new Staff(2, Set.of(0), 40 * 60, 2400, 5, 660, List.of(), List.of());
        Staff partial = new Staff(3, Set.of(0), 40 * 60, 2400, 5, 660, List.of(), List.of());
        verifier.verifyThat(ScheduleConstraints::minHours)
                .given(on(s, 0, option(9, 8, PHONE)), week(s), week(idle), new StaffWeek(partial, MONDAY, false))
                .penalizesBy((2400 - 480) * ScheduleConstraints.MIN_HOURS_WEIGHT + 2400 * ScheduleConstraints.MIN_HOURS_WEIGHT);
    }

    @Test
    void weekendAndLateShiftsCostTheSquareOfEachPersonsCountBeyondOne() {
        Staff a = staff(1), b = staff(2);
        // a: Saturday and Sunday and a late Monday (3 → 9 − 1 = 8); b: one late shift (free); a day shift counts nothing.
        verifier.verifyThat(ScheduleConstraints::fairness)
                .given(on(a, 5, option(9, 8, PHONE)), on(a, 6, option(9, 8, PHONE)), on(a, 0, option(14, 8, PHONE)),
                        on(b, 1, option(13, 8, PHONE)), on(b, 2, option(9, 8, PHONE)))
                .penalizesBy(8 * ScheduleConstraints.FAIRNESS_WEIGHT);
    }

    @Test
    void aShiftOutsideThePersonsPreferredWindowsCostsAFixedAmount() {
        Staff early = new Staff(1, Set.of(0), 0, 2400, 5, 660, List.of(new Staff.Window(DayOfWeek.MONDAY, 6 * 60, 24 * 60),
                new Staff.Window(DayOfWeek.MONDAY, 6 * 60, 15 * 60, true)), List.of());
        verifier.verifyThat(ScheduleConstraints::preference).given(on(early, 0, option(6, 8, PHONE))).penalizesBy(0);
        verifier.verifyThat(ScheduleConstraints::preference).given(on(early, 0, option(12, 8, PHONE)))
                .penalizesBy(ScheduleConstraints.PREFERENCE_WEIGHT);
        verifier.verifyThat(ScheduleConstraints::preference).given(on(staff(2), 0, option(12, 8, PHONE))).penalizesBy("no wishes", 0);
    }

    ShiftAssignment inWeek(StaffWeek w, int day, ShiftOption option) {
        ShiftAssignment a = new ShiftAssignment(w.staff().personId() + "-" + day, w.staff(), w, MONDAY.plusDays(day), day, ZoneOffset.UTC,
                HORIZON, grid, option == null ? List.of() : List.of(option));
        a.setOption(option);
        return a;
    }

    @Test
    void keptShiftsOutsideTheHorizonCountForRestHoursAndDays() {
        // Last week's Sunday 14:00-22:00 is kept: Monday 06:00 leaves 8 h rest where 11 are due.
        Instant sunday = MONDAY.minusDays(1).atTime(14, 0).toInstant(ZoneOffset.UTC);
        Staff s = new Staff(1, Set.of(0), 0, 2400, 5, 660, List.of(), List.of(),
                List.of(new Staff.Kept(sunday, sunday.plusSeconds(8 * 3600), 480, MONDAY.minusDays(1), false)));
        verifier.verifyThat(ScheduleConstraints::restOutside).given(on(s, 0, option(6, 8, PHONE))).penalizesBy(180);
        verifier.verifyThat(ScheduleConstraints::restOutside).given(on(s, 0, option(9, 8, PHONE))).penalizesBy(0);
        // A week only partly inside the horizon: 24 h on 3 days already worked outside it.
        StaffWeek partial = new StaffWeek(s, MONDAY, false, 24 * 60, 3, 40 * 60, 5);
        verifier.verifyThat(ScheduleConstraints::maxHours)
                .given(inWeek(partial, 3, option(9, 8, PHONE)), inWeek(partial, 4, option(9, 8, PHONE)), inWeek(partial, 5, option(9, 8, PHONE)))
                .penalizesBy(8 * 60);
        verifier.verifyThat(ScheduleConstraints::maxDays)
                .given(inWeek(partial, 3, option(9, 8, PHONE)), inWeek(partial, 4, option(9, 8, PHONE)), inWeek(partial, 5, option(9, 8, PHONE)))
                .penalizesBy(60);
        verifier.verifyThat(ScheduleConstraints::maxDays)
                .given(inWeek(partial, 3, option(9, 8, PHONE)), inWeek(partial, 4, option(9, 8, PHONE))).penalizesBy(0);
    }

    @Test
    void aPinnedKeptShiftBreaksNoRuleItCannotChange() {
        // Locked Monday 08:00-18:00 outside the person's 09-17 window, on no skill: kept as it is, no hard penalty.
        Staff s = new Staff(1, Set.of(0), 0, 2400, 5, 660, List.of(new Staff.Window(DayOfWeek.MONDAY, 9 * 60, 17 * 60)), List.of());
        ShiftAssignment pinned = on(s, 0, null).pin(ShiftOption.kept(900, 8 * 60, 600, 600));
        verifier.verifyThat(ScheduleConstraints::availability).given(pinned).penalizesBy(0);
        verifier.verifyThat(ScheduleConstraints::skill).given(pinned).penalizesBy(0);
        // It still counts for rest: Tuesday 01:00 is 7 h after it ends.
        verifier.verifyThat(ScheduleConstraints::rest).given(pinned, on(s, 1, option(1, 8, PHONE))).penalizesBy(240);
    }
}
