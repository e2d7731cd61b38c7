package com.rostra.scheduling.solver;

import java.time.Duration;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/** Solver configuration in code (no Spring Boot 4 starter exists for Timefold 1.x). */
public final class SolverSetup {

    private SolverSetup() {}

    /**
     * Stops at {@code limit}, or earlier when the best score has not improved for a third of it (at least
     * {@code minUnimproved}), or at a perfect score.
     */
    public static SolverFactory<ScheduleSolution> factory(Duration limit, Duration minUnimproved) {
        Duration third = Duration.ofMillis(limit.toMillis() / 3);
        Duration unimproved = third.compareTo(minUnimproved) < 0 ? minUnimproved : third;
        SolverConfig config = new SolverConfig()
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withSolutionClass(ScheduleSolution.class)
                .withEntityClasses(ShiftAssignment.class)
                .withConstraintProviderClass(ScheduleConstraints.class)
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(limit)
                        .withUnimprovedSpentLimit(unimproved)
                        .withBestScoreLimit("0hard/0soft"));
        return SolverFactory.create(config);
    }

    public static SolutionManager<ScheduleSolution, HardSoftLongScore> solutionManager() {
        return SolutionManager.create(factory(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
