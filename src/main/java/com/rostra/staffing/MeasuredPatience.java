package com.rostra.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;

import com.rostra.queues.QueueScope;
import com.rostra.tenancy.CompanyId;
import com.rostra.volume.Volume;

/**
 * How long the company's own customers wait before they give up, for Erlang A. Over the last weeks of inbound
 * contacts of a queue and channel: an abandoned contact's wait is one observation of patience; an answered contact's
 * wait is a censored one (its patience was at least that long). For exponential patience the maximum-likelihood mean
 * is the total waiting time of all of them divided by the number that abandoned.
 */
@Service
public class MeasuredPatience {

    public static final int DEFAULT_WEEKS = 8;

    /** {@code meanSeconds} null when nobody abandoned in the window (no estimate: patience looks unbounded). */
    public record Patience(Double meanSeconds, long abandoned, long answered, double waitingSeconds, Instant since, int weeks) {
        public Integer wholeSeconds() {
            return meanSeconds == null ? null : (int) Math.max(1, Math.round(meanSeconds));
        }
    }

    private final Volume volume;
    private final Clock clock;

    MeasuredPatience(Volume volume, Clock clock) {
        this.volume = volume;
        this.clock = clock;
    }

    /** Erlang A settings without a patience of their own get the measured one (when there is one); others unchanged. */
    public StaffingSettings resolve(CompanyId company, Long queueId, String channel, StaffingSettings s) {
        if (s.patienceSeconds() != null || s.staffingModel() != StaffingModel.ERLANG_A) return s;
        Integer measured = measure(company, queueId == null ? 0 : queueId, channel, DEFAULT_WEEKS).wholeSeconds();
        return new StaffingSettings(s.serviceLevel(), s.targetSeconds(), s.ahtSeconds(), s.shrinkage(), s.maxOccupancy(),
                s.concurrency(), measured, s.slaWindowHours(), s.model());
    }

    /** {@code queueKey} 0 is every queue together (children included otherwise). */
    public Patience measure(CompanyId company, long queueKey, String channel, int weeks) {
        Instant to = clock.instant();
        Instant since = to.minus(Duration.ofDays(7L * weeks));
        Volume.Waits waits = volume.inboundWaits(company, queueKey == 0 ? QueueScope.allQueues() : QueueScope.queue(queueKey),
                channel, since, to);
        long[] counts = {waits.abandoned(), waits.answered()};
        double[] waited = {waits.waitingSeconds()};
        return new Patience(counts[0] == 0 ? null : waited[0] / counts[0], counts[0], counts[1], waited[0], since, weeks);
    }
}
