package com.rostra.staffing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import org.springframework.stereotype.Component;

import com.rostra.agents.People;
import com.rostra.agents.Person;
import com.rostra.contacts.Channel;
import com.rostra.queues.Queues;
import com.rostra.schedules.Activities;
import com.rostra.tenancy.CompanyId;

/**
 * Scheduled agents per queue. People's {@code queue_ids} are their skills (none: every queue). Someone scheduled on
 * the channel (a productive activity for it, or for any channel, at the middle of the interval) who serves several
 * queues counts for each in proportion to those queues' requirements with shrinkage in that interval, equally when none
 * of them requires anyone; someone serving one queue counts fully for it. The activities come from the schedules
 * module, the skills from the agents module, each through its API.
 */
@Component
class QueueCoverage {

    private final Activities activities;
    private final People people;
    private final Queues queues;

    QueueCoverage(Activities activities, People people, Queues queues) {
        this.activities = activities;
        this.people = people;
        this.queues = queues;
    }

    /**
     * @param own        this queue's requirements per interval (its shares' numerators)
     * @param requiredOf another queue's requirement with shrinkage per interval, asked at most once per queue
     */
    double[] scheduledForQueue(CompanyId company, long queueId, Channel channel, List<Instant> starts, Duration interval,
                               List<Requirements.Requirement> own, LongFunction<int[]> requiredOf) {
        double[] result = new double[starts.size()];
        if (starts.isEmpty()) return result;
        Instant from = starts.get(0);
        Instant to = starts.get(starts.size() - 1).plus(interval);
        List<Activities.ProductiveBlock> blocks = activities.productiveBlocks(company, channel.wireName(), from, to);
        if (blocks.isEmpty()) return result;
        Set<Long> known = new HashSet<>(queues.queueIds(company));
        Map<Long, List<Long>> skills = new HashMap<>();
        for (Person p : people.list(company)) skills.put(p.id(), p.queueIds());
        Map<Long, int[]> required = new HashMap<>();
        required.put(queueId, own.stream().mapToInt(Requirements.Requirement::requiredWithShrinkage).toArray());
        for (Activities.ProductiveBlock b : blocks) {
            List<Long> skill = skills.get(b.personId());
            if (skill == null) continue; // the person is gone (their activities go with them)
            List<Long> serves = new ArrayList<>();
            for (Long q : skill) if (known.contains(q) && !serves.contains(q)) serves.add(q);
            if (serves.isEmpty()) serves.addAll(known);
            if (!serves.contains(queueId)) continue;
            for (int i = 0; i < starts.size(); i++) {
                Instant middle = starts.get(i).plus(interval.dividedBy(2));
                if (!b.covers(middle)) continue;
                if (serves.size() == 1) {
                    result[i] += 1;
                    continue;
                }
                double total = 0;
                for (Long q : serves) total += required.computeIfAbsent(q, requiredOf::apply)[i];
                result[i] += total == 0 ? 1.0 / serves.size() : required.get(queueId)[i] / total;
            }
        }
        return result;
    }
}
