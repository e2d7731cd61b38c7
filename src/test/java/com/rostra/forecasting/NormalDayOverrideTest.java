package com.rostra.forecasting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.forecasting.model.DayHistory;
import com.rostra.forecasting.model.ForecastEngine;
import com.rostra.forecasting.model.ForecastEngine.SpecialKind;

import static org.assertj.core.api.Assertions.assertThat;

/** A user overrules the abnormal-day detection: a day marked normal stays in training. */
class NormalDayOverrideTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void aDetectedDayMarkedNormalIsTrainedOn() {
        double[][] days = new double[42][];
        for (int i = 0; i < days.length; i++) days[i] = new double[] {10, 10};
        days[15] = new double[] {100, 100}; // a Tuesday ten times its usual level
        DayHistory raw = new DayHistory(MONDAY, days, 2);
        LocalDate spike = MONDAY.plusDays(15);

        List<LocalDate> detected = new ArrayList<>();
        DayHistory clean = new ForecastEngine().clean(raw, Map.of(), detected);
        assertThat(detected).containsExactly(spike);
        assertThat(clean.present(15)).isFalse();

        List<LocalDate> detectedAgain = new ArrayList<>();
        DayHistory overruled = new ForecastEngine().clean(raw, Map.of(spike, SpecialKind.NORMAL), detectedAgain);
        assertThat(detectedAgain).isEmpty();
        assertThat(overruled.present(15)).isTrue();
        assertThat(overruled.total(15)).isEqualTo(200);

        DayHistory outlier = new ForecastEngine().clean(raw, Map.of(MONDAY.plusDays(8), SpecialKind.OUTLIER), new ArrayList<>());
        assertThat(outlier.present(8)).as("other kinds still leave the day out").isFalse();
    }
}
