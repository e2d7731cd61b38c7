package com.rostra.staffing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service level scheduled agents reach, as scheduling shows it before publishing. */
class ServiceLevelsTest {

    private static final StaffingSettings CHAT = new StaffingSettings(0.8, 60, 300, 0.3, 0.85, 1, null, null);

    @Test
    void scheduledAgentsAfterShrinkageGiveErlangCsServiceLevel() {
        // One chat in 15 minutes at 300 s: A = 1/3 Erlang. Three scheduled × 0.7 = 2 on the channel: 96.6 % within 60 s.
        assertThat(ServiceLevels.expected(CHAT, 1, 900, 3)).isBetween(0.96, 0.97);
        // Two scheduled × 0.7 = 1 agent: 70.8 %.
        assertThat(ServiceLevels.expected(CHAT, 1, 900, 2)).isBetween(0.70, 0.71);
        assertThat(ServiceLevels.expected(CHAT, 1, 900, 1)).as("nobody on the channel").isZero();
    }

    @Test
    void deferredChannelsAndEmptyIntervalsHaveNone() {
        assertThat(ServiceLevels.expected(new StaffingSettings(0.9, 86_400, 360, 0.3, 0.9, 1, null, 24), 10, 900, 3)).isNull();
        assertThat(ServiceLevels.expected(CHAT, 0, 900, 3)).isNull();
    }

    @Test
    void theSettingsModelIsUsedErlangAWhenThereIsAPatience() {
        StaffingSettings withPatience = new StaffingSettings(0.8, 60, 300, 0.3, 0.85, 1, 120, null, "erlang_a");
        // Four chats, A = 4/3 Erlang, three scheduled = 2 on the channel; impatient customers leave the queue, so more
        // of those who stay are answered in time than Erlang C's infinitely patient ones (53.3 %).
        double a = 4 * 300 / 900.0;
        assertThat(ServiceLevels.expected(withPatience, 4, 900, 3))
                .isEqualTo(Math.round(ErlangA.metrics(a, 2, 300, 120, 60).serviceLevel() * 10_000) / 10_000.0)
                .isGreaterThan(ServiceLevels.expected(CHAT, 4, 900, 3));
        assertThat(ServiceLevels.expected(CHAT, 4, 900, 3)).isBetween(0.53, 0.54);
    }
}
