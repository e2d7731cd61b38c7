package com.rostra.adherence;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.rostra.agents.ScheduleLookup;
import com.rostra.schedules.Activities;
import com.rostra.schedules.Activity;
import com.rostra.schedules.ActivityType;
import com.rostra.schedules.ActivityTypes;
import com.rostra.tenancy.CompanyId;

/** Tells the realtime view what each person is scheduled to do right now. */
@Component
class CurrentSchedules implements ScheduleLookup {

    private final Activities activities;
    private final ActivityTypes types;

    CurrentSchedules(Activities activities, ActivityTypes types) {
        this.activities = activities;
        this.types = types;
    }

    @Override
    public Map<Long, Scheduled> at(CompanyId company, Instant at) {
        Map<Long, Boolean> productive = new HashMap<>();
        for (ActivityType t : types.list(company)) productive.put(t.id(), t.productive());
        Map<Long, Scheduled> now = new HashMap<>();
        for (Activity a : activities.list(company, at, at.plusMillis(1), null)) {
            now.put(a.personId(), new Scheduled(a.activityType(), productive.getOrDefault(a.activityTypeId(), false), a.start(), a.end()));
        }
        return now;
    }
}
