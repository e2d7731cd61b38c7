package com.rostra.forecasting.model;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class RobustInnovationsTest {

    @Test
    void theBurnInPassesErrorsThroughThenALargeErrorIsClippedToKScales() {
        RobustInnovations r = new RobustInnovations();
        for (int i = 0; i < RobustInnovations.BURN_IN; i++) {
            double e = i % 2 == 0 ? 10 : -10;
            assertThat(r.clean(e)).as("burn-in").isEqualTo(e);
        }
        assertThat(r.scale()).as("root mean square of ±10").isCloseTo(10, offset(1e-12));
        assertThat(r.clean(100)).as("1.345 · 10").isCloseTo(13.45, offset(1e-12));
        // σ² ← 0.1 · 13.45² / E[min(Z², 1.345²)] + 0.9 · 10², with E[min(Z², 1.345²)] = 0.710165
        assertThat(r.scale()).isCloseTo(10.7459, offset(1e-4));
        assertThat(r.clean(-3)).as("a small error is kept").isEqualTo(-3);
    }

    @Test
    void theConsistencyConstantIsTheTruncatedSecondMomentOfTheNormal() {
        assertThat(RobustInnovations.truncatedSecondMoment(1.345)).isCloseTo(0.710165, offset(1e-6));
        assertThat(RobustInnovations.truncatedSecondMoment(20)).as("nothing truncated").isCloseTo(1, offset(1e-9));
    }

    @Test
    void forNormalErrorsTheScaleStaysTheirStandardDeviation() {
        Random random = new Random(7);
        RobustInnovations r = new RobustInnovations();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < 20_000; i++) {
            r.clean(5 * random.nextGaussian());
            if (i > 1_000) {
                sum += r.scale();
                n++;
            }
        }
        assertThat(sum / n).isCloseTo(5, offset(0.25));
    }
}
