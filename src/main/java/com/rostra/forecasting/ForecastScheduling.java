package com.rostra.forecasting;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/** The stored-forecast pass runs on exactly one node at a time: a db-scheduler recurring task, every minute. */
@Configuration
class ForecastScheduling {

    @Bean
    RecurringTask<Void> forecastStoreTask(@Lazy ForecastStoreJob job) {
        return Tasks.recurring("forecast-store", Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> job.run());
    }
}
