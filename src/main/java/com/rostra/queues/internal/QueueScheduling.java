package com.rostra.queues.internal;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/** Large re-assignments run on exactly one node at a time: a db-scheduler recurring task. */
@Configuration
class QueueScheduling {

    @Bean
    RecurringTask<Void> queueReassignmentTask(QueueAssignment assignment) {
        return Tasks.recurring("queue-reassignment", Schedules.fixedDelay(Duration.ofSeconds(2)))
                .execute((instance, context) -> assignment.reassignPending());
    }
}
