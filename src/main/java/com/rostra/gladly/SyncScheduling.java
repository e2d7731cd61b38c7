package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.rostra.tenancy.CompanyId;

/**
 * One db-scheduler task instance per connected company: the scheduler's row lock guarantees that exactly one
 * node syncs a company at a time, and a node that dies mid-sync has its execution revived elsewhere, where the
 * stored checkpoint tells it where to resume.
 */
@Configuration
class SyncScheduling {

    static final String TASK = "gladly-sync";

    @Bean
    CustomTask<Long> gladlySyncTask(ContactSync sync) {
        return Tasks.custom(TASK, Long.class)
                .onDeadExecutionRevive()
                .onFailureReschedule(Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> {
                    Duration next = sync.run(new CompanyId(instance.getData()));
                    if (next == null) {
                        return (complete, operations) -> operations.remove();
                    }
                    return new CompletionHandler.OnCompleteReschedule<>(Schedules.fixedDelay(next));
                });
    }

    @Bean
    SyncScheduler syncScheduler(@Lazy SchedulerClient scheduler, CustomTask<Long> gladlySyncTask) {
        return new SyncScheduler(scheduler, gladlySyncTask);
    }

    static class SyncScheduler {
        private final SchedulerClient scheduler;
        private final CustomTask<Long> task;

        SyncScheduler(SchedulerClient scheduler, CustomTask<Long> task) {
            this.scheduler = scheduler;
            this.task = task;
        }

        /** Run the company's sync as soon as possible (unless it is running right now: then it just continues). */
        void syncNow(CompanyId company) {
            String id = company.toString();
            boolean exists = scheduler.getScheduledExecution(TaskInstanceId.of(TASK, id)).isPresent();
            if (exists) {
                try {
                    scheduler.reschedule(TaskInstanceId.of(TASK, id), Instant.now());
                } catch (com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException running) {
                    // A sync is running right now; it notices new credentials when it ends and runs again at once.
                }
            } else {
                scheduler.scheduleIfNotExists(task.instance(id, company.value()), Instant.now());
            }
        }

        void stop(CompanyId company) {
            TaskInstanceId id = TaskInstanceId.of(TASK, company.toString());
            if (scheduler.getScheduledExecution(id).isPresent()) {
                try {
                    scheduler.cancel(id);
                } catch (RuntimeException e) {
                    // Running right now: it will find the connection gone and remove itself.
                }
            }
        }
    }
}
