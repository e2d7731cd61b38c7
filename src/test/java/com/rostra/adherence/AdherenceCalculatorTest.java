package com.rostra.adherence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rostra.adherence.AdherenceCalculator.Block;
import com.rostra.adherence.AdherenceCalculator.Figures;
import com.rostra.adherence.AdherenceCalculator.StateSpan;
import com.rostra.adherence.AdherenceCalculator.Window;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-worked timelines: every figure below is counted in minutes on paper first. */
class AdherenceCalculatorTest {

    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);

    /** 2026-11-17 (a Tuesday) at hh:mm in New York. */
    private static Instant at(int hour, int minute) {
        return LocalDateTime.of(2026, 11, 17, hour, minute).atZone(NY).toInstant();
    }

    private static Block work(Instant s, Instant e) {
        return new Block(s, e, true, false);
    }

    private static Block pause(Instant s, Instant e) {
        return new Block(s, e, false, false);
    }

    private static StateSpan working(Instant s, Instant e) {
        return new StateSpan(s, e, true);
    }

    private static StateSpan away(Instant s, Instant e) {
        return new StateSpan(s, e, false);
    }

    private static long minutes(long seconds) {
        return seconds / 60;
    }

    /** Phone 09:00-12:00, lunch 12:00-12:30, phone 12:30-17:00. */
    private static final List<Block> DAY = List.of(work(at(9, 0), at(12, 0)), pause(at(12, 0), at(12, 30)), work(at(12, 30), at(17, 0)));

    @Test
    void lateStartIsOutBeyondTheGrace() {
        // Logs in at 09:10, works to 12:00, lunch, works 12:30-17:00.
        List<StateSpan> states = List.of(working(at(9, 10), at(12, 0)), away(at(12, 0), at(12, 30)), working(at(12, 30), at(17, 0)));
        Figures f = AdherenceCalculator.compute(DAY, states, List.of(), at(8, 0), at(18, 0), TWO_MINUTES);
        assertThat(minutes(f.scheduledSeconds())).isEqualTo(480);
        // 09:00-09:02 forgiven by the grace; 09:02-09:10 out: 8 minutes.
        assertThat(minutes(f.inAdherenceSeconds())).isEqualTo(472);
        assertThat(f.outOfAdherence()).containsExactly(new Window(at(9, 2), at(9, 10)));
        assertThat(f.adherence()).isEqualTo(0.9833);
        assertThat(f.productiveAdherence()).as("442 of 450 productive minutes").isEqualTo(0.9822);
        assertThat(f.conformance()).as("440 worked of 450").isEqualTo(0.9778);
    }

    @Test
    void earlyLunchIsOutOnBothSides() {
        // Goes to lunch at 11:45 and comes back at 12:15: 15 minutes away on phone time, 15 working on lunch time.
        List<StateSpan> states = List.of(working(at(9, 0), at(11, 45)), away(at(11, 45), at(12, 15)), working(at(12, 15), at(17, 0)));
        Figures f = AdherenceCalculator.compute(DAY, states, List.of(), at(9, 0), at(17, 0), TWO_MINUTES);
        // Out: 11:45-11:58 away on phone time (its last 2 minutes are grace); 12:00-12:15 away on lunch is in;
        // 12:15-12:28 working through the rest of lunch is out (its last 2 minutes are grace).
        assertThat(f.outOfAdherence()).containsExactly(new Window(at(11, 45), at(11, 58)), new Window(at(12, 15), at(12, 28)));
        assertThat(minutes(f.inAdherenceSeconds())).isEqualTo(480 - 13 - 13);
    }

    @Test
    void aBreakOverrunInsideTheGraceIsForgivenOutsideItCounts() {
        List<Block> blocks = List.of(work(at(10, 0), at(10, 30)), pause(at(10, 30), at(10, 45)), work(at(10, 45), at(11, 30)));
        List<StateSpan> backAfterOneMinute = List.of(working(at(10, 0), at(10, 30)), away(at(10, 30), at(10, 46)), working(at(10, 46), at(11, 30)));
        Figures inside = AdherenceCalculator.compute(blocks, backAfterOneMinute, List.of(), at(10, 0), at(11, 30), TWO_MINUTES);
        assertThat(inside.inAdherenceSeconds()).isEqualTo(inside.scheduledSeconds());
        assertThat(inside.outOfAdherence()).isEmpty();

        List<StateSpan> backAfterSix = List.of(working(at(10, 0), at(10, 30)), away(at(10, 30), at(10, 51)), working(at(10, 51), at(11, 30)));
        Figures outside = AdherenceCalculator.compute(blocks, backAfterSix, List.of(), at(10, 0), at(11, 30), TWO_MINUTES);
        // 10:45-10:47 is grace; 10:47-10:51 out.
        assertThat(outside.outOfAdherence()).containsExactly(new Window(at(10, 47), at(10, 51)));
        assertThat(minutes(outside.scheduledSeconds() - outside.inAdherenceSeconds())).isEqualTo(4);

        Figures noGrace = AdherenceCalculator.compute(blocks, backAfterSix, List.of(), at(10, 0), at(11, 30), Duration.ZERO);
        assertThat(noGrace.outOfAdherence()).containsExactly(new Window(at(10, 45), at(10, 51)));
    }

    @Test
    void anOutageCountsNeitherForNorAgainst() {
        // Away 13:00-14:00 on phone time, but Rostra heard nothing from Gladly 13:30-14:30.
        List<StateSpan> states = List.of(working(at(9, 0), at(13, 0)), away(at(13, 0), at(14, 0)), working(at(14, 0), at(17, 0)));
        List<Window> outage = List.of(new Window(at(13, 30), at(14, 30)));
        Figures f = AdherenceCalculator.compute(DAY, states, outage, at(9, 0), at(17, 0), TWO_MINUTES);
        assertThat(minutes(f.excludedSeconds())).isEqualTo(60);
        assertThat(minutes(f.scheduledSeconds())).isEqualTo(480 - 60);
        // Lunch 12:00-12:30 working: out 12:02-12:28 (26); 13:00-13:30 away on phone: out (30).
        assertThat(minutes(f.scheduledSeconds() - f.inAdherenceSeconds())).isEqualTo(56);
        assertThat(f.excluded()).containsExactly(new Window(at(13, 30), at(14, 30)));
    }

    @Test
    void statesGivenOutOfOrderGiveTheSameFigures() {
        List<StateSpan> ordered = List.of(working(at(9, 10), at(12, 0)), away(at(12, 0), at(12, 30)), working(at(12, 30), at(17, 0)));
        List<StateSpan> shuffled = List.of(ordered.get(2), ordered.get(0), ordered.get(1));
        List<Block> blocks = List.of(DAY.get(2), DAY.get(0), DAY.get(1));
        assertThat(AdherenceCalculator.compute(blocks, shuffled, List.of(), at(8, 0), at(18, 0), TWO_MINUTES))
                .isEqualTo(AdherenceCalculator.compute(DAY, ordered, List.of(), at(8, 0), at(18, 0), TWO_MINUTES));
    }

    @Test
    void aNightShiftAcrossMidnightAndTheDstChangeCountsRealHours() {
        // 2026-11-01 01:00 EDT happens twice in New York: a shift 22:00 Oct 31 to 06:00 Nov 1 lasts nine real hours.
        Instant start = LocalDateTime.of(2026, 10, 31, 22, 0).atZone(NY).toInstant();
        Instant end = LocalDateTime.of(2026, 11, 1, 6, 0).atZone(NY).toInstant();
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(9));
        List<Block> night = List.of(work(start, end));
        // Works until 05:00 local, then logs out.
        Instant five = LocalDateTime.of(2026, 11, 1, 5, 0).atZone(NY).toInstant();
        Figures f = AdherenceCalculator.compute(night, List.of(working(start.minusSeconds(60), five), away(five, null)), List.of(),
                start.minus(Duration.ofHours(1)), end.plus(Duration.ofHours(1)), TWO_MINUTES);
        assertThat(minutes(f.scheduledSeconds())).isEqualTo(540);
        // Out 05:00-05:58 (the last two minutes are grace).
        assertThat(minutes(f.scheduledSeconds() - f.inAdherenceSeconds())).isEqualTo(58);
    }

    @Test
    void timeOffIsNotPartOfScheduleAdherence() {
        List<Block> blocks = List.of(work(at(9, 0), at(13, 0)), new Block(at(13, 0), at(17, 0), false, true));
        List<StateSpan> states = List.of(working(at(9, 0), at(13, 0)), working(at(13, 0), at(14, 0)));
        Figures f = AdherenceCalculator.compute(blocks, states, List.of(), at(9, 0), at(17, 0), TWO_MINUTES);
        assertThat(minutes(f.scheduledSeconds())).isEqualTo(240);
        assertThat(f.adherence()).isEqualTo(1.0);
        assertThat(minutes(f.workedSeconds())).isEqualTo(300);
    }

    private static StateSpan fact(Instant s, Instant e, com.rostra.agents.AgentState state, String mapped, boolean productive, String... channels) {
        return new StateSpan(s, e, new ActivityRules.Rule.Fact(state, mapped, productive, channels.length == 1 && channels[0] == null ? null : java.util.Set.of(channels)));
    }

    @Test
    void aPhoneBlockNeedsPhoneAvailabilityNotEmailOnly() {
        // Phone 10:00-11:00, active on a productive mapping throughout; available for phone, then 10:20-10:40 for
        // email only, then phone again. Out 10:20-10:40 (inside the block, far from its grace).
        List<Block> phone = List.of(new Block(at(10, 0), at(11, 0), true, false, ActivityRules.PRODUCTIVE, "phone"));
        List<StateSpan> states = List.of(
                fact(at(10, 0), at(10, 20), com.rostra.agents.AgentState.ACTIVE, "Productive", true, "phone", "email"),
                fact(at(10, 20), at(10, 40), com.rostra.agents.AgentState.ACTIVE, "Productive", true, "email"),
                fact(at(10, 40), at(11, 0), com.rostra.agents.AgentState.ACTIVE, "Productive", true, "phone"));
        Figures f = AdherenceCalculator.compute(phone, states, List.of(), at(10, 0), at(11, 0), TWO_MINUTES);
        assertThat(f.outOfAdherence()).containsExactly(new Window(at(10, 20), at(10, 40)));
        assertThat(minutes(f.inAdherenceSeconds())).isEqualTo(40);
        assertThat(minutes(f.workedSeconds())).as("worked all hour, whatever the channel").isEqualTo(60);

        // Availability never heard: the channel is not checked.
        Figures unknown = AdherenceCalculator.compute(phone,
                List.of(fact(at(10, 0), at(11, 0), com.rostra.agents.AgentState.ACTIVE, "Productive", true, (String) null)),
                List.of(), at(10, 0), at(11, 0), TWO_MINUTES);
        assertThat(unknown.adherence()).isEqualTo(1.0);

        // Available for nothing ([]): not working the phone.
        Figures none = AdherenceCalculator.compute(phone,
                List.of(fact(at(10, 0), at(11, 0), com.rostra.agents.AgentState.ACTIVE, "Productive", true)),
                List.of(), at(10, 0), at(11, 0), TWO_MINUTES);
        assertThat(minutes(none.inAdherenceSeconds())).as("only the two grace ends").isEqualTo(4);

        // The same states without the channel check: all in.
        Block unchecked = new Block(at(10, 0), at(11, 0), true, false, new ActivityRules.Rule(true, java.util.Set.of(), java.util.Set.of(), false), "phone");
        assertThat(AdherenceCalculator.compute(List.of(unchecked), states, List.of(), at(10, 0), at(11, 0), TWO_MINUTES).adherence()).isEqualTo(1.0);
    }

    @Test
    void aBreakNeedsAwayOrLoggedOutAndCustomRulesNameMappedTypes() {
        // Break 12:00-12:30: 12:00-12:10 active on an unmapped reason, 12:10-12:20 away (Coffee, mapped Away),
        // 12:20-12:30 away (Training, mapped Training). Grace 0.
        List<StateSpan> states = List.of(
                fact(at(12, 0), at(12, 10), com.rostra.agents.AgentState.ACTIVE, null, false, (String) null),
                fact(at(12, 10), at(12, 20), com.rostra.agents.AgentState.AWAY, "Away", false, (String) null),
                fact(at(12, 20), at(12, 30), com.rostra.agents.AgentState.AWAY, "Training", false, (String) null));
        Figures byDefault = AdherenceCalculator.compute(List.of(pause(at(12, 0), at(12, 30))), states, List.of(), at(12, 0), at(12, 30), Duration.ZERO);
        assertThat(byDefault.outOfAdherence()).as("active is not on a break").containsExactly(new Window(at(12, 0), at(12, 10)));

        ActivityRules.Rule trainingOnly = ActivityRules.parse(List.of("mapped:training"), false, "f", new java.util.ArrayList<>());
        Figures custom = AdherenceCalculator.compute(List.of(new Block(at(12, 0), at(12, 30), false, false, trainingOnly, null)), states,
                List.of(), at(12, 0), at(12, 30), Duration.ZERO);
        assertThat(custom.outOfAdherence()).as("only the Training stretch satisfies it (names match without case)")
                .containsExactly(new Window(at(12, 0), at(12, 20)));

        ActivityRules.Rule activeToo = ActivityRules.parse(List.of("state:active", "state:away"), false, "f", new java.util.ArrayList<>());
        assertThat(AdherenceCalculator.compute(List.of(new Block(at(12, 0), at(12, 30), false, false, activeToo, null)), states,
                List.of(), at(12, 0), at(12, 30), Duration.ZERO).adherence()).isEqualTo(1.0);
    }
}
