package com.rostra.scheduling;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import ai.timefold.solver.core.api.solver.Solver;

/**
 * Each generation is a db-scheduler one-time task: any node may pick it up, exactly one runs it, and a node that
 * dies mid-solve has it revived elsewhere (the runner then starts the solve again).
 */
@Configuration
class GenerationScheduling {

    static final String TASK = "schedule-generation";

    @Bean
    OneTimeTask<Long> scheduleGenerationTask(@Lazy GenerationRunner runner) {
        return Tasks.oneTime(TASK, Long.class).execute((instance, context) -> runner.run(instance.getData()));
    }

    @Bean
    Launcher generationLauncher(@Lazy SchedulerClient scheduler, OneTimeTask<Long> scheduleGenerationTask) {
        return new Launcher(scheduler, scheduleGenerationTask);
    }

    /** Starts generations and stops the ones solving on this node. */
    static class Launcher {
        private final SchedulerClient scheduler;
        private final OneTimeTask<Long> task;
        private final Map<Long, Solver<?>> solving = new ConcurrentHashMap<>();

        Launcher(SchedulerClient scheduler, OneTimeTask<Long> task) {
            this.scheduler = scheduler;
            this.task = task;
        }

        void launch(long id) {
            scheduler.scheduleIfNotExists(task.instance("generation-" + id, id), Instant.now()); // db-scheduler runs on real time
        }

        void solving(long id, Solver<?> solver) {
            solving.put(id, solver);
        }

        void finished(long id) {
            solving.remove(id);
        }

        /** On shutdown: solves running here stop and store their best schedule so far instead of holding the node up. */
        public void close() {
            solving.values().forEach(Solver::terminateEarly);
        }

        /** A queued generation finds itself cancelled when its job starts; a solving one here stops at once. */
        void stop(long id) {
            Solver<?> solver = solving.get(id);
            if (solver != null) solver.terminateEarly();
        }
    }
}
