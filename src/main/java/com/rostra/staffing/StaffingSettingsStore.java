package com.rostra.staffing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.Db;
import com.rostra.queues.QueueDeleted;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.tenancy.CompanyId;

/** Staffing settings per queue (0 = all queues) and channel; a channel's defaults until someone saves them. */
@Service
public class StaffingSettingsStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffingSettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public StaffingSettings get(CompanyId company, long queueKey, String channel) {
        return jdbc.sql("select * from staffing_settings where company_id = ? and queue_key = ? and channel = ?")
                .params(company.value(), queueKey, channel)
                .query((rs, i) -> new StaffingSettings(rs.getDouble("service_level"), rs.getInt("target_seconds"),
                        rs.getInt("aht_seconds"), rs.getDouble("shrinkage"), rs.getDouble("max_occupancy"),
                        rs.getInt("concurrency"), (Integer) rs.getObject("patience_seconds", Integer.class),
                        (Integer) rs.getObject("sla_window_hours", Integer.class)))
                .optional().orElse(StaffingSettings.defaults(channel));
    }

    @Transactional
    public StaffingSettings save(CompanyId company, long queueKey, String channel, StaffingSettings s) {
        check(s);
        jdbc.sql("delete from staffing_settings where company_id = ? and queue_key = ? and channel = ?")
                .params(company.value(), queueKey, channel).update();
        jdbc.sql("""
                insert into staffing_settings (company_id, queue_key, channel, service_level, target_seconds, aht_seconds,
                    shrinkage, max_occupancy, concurrency, patience_seconds, sla_window_hours, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(company.value(), queueKey, channel, s.serviceLevel(), s.targetSeconds(), s.ahtSeconds(), s.shrinkage(),
                        s.maxOccupancy(), s.concurrency(), s.patienceSeconds(), s.slaWindowHours(), Db.ts(clock.instant()))
                .update();
        return get(company, queueKey, channel);
    }

    /** A queue that is gone takes its settings with it. */
    @EventListener
    void onQueueDeleted(QueueDeleted deleted) {
        jdbc.sql("delete from staffing_settings where company_id = ? and queue_key = ?")
                .params(deleted.companyId().value(), deleted.queueId()).update();
    }

    /** Throws with every field that is out of range. */
    public static void check(StaffingSettings s) {
        List<FieldError> errors = new ArrayList<>();
        if (!(s.serviceLevel() > 0 && s.serviceLevel() < 1)) errors.add(new FieldError("service_level", "must be between 0 and 1, e.g. 0.8"));
        if (s.targetSeconds() < 1 || s.targetSeconds() > 7 * 86_400) errors.add(new FieldError("target_seconds", "must be from 1 second to 7 days"));
        if (s.ahtSeconds() < 1 || s.ahtSeconds() > 86_400) errors.add(new FieldError("aht_seconds", "must be from 1 second to 24 hours"));
        if (!(s.shrinkage() >= 0 && s.shrinkage() <= 0.9)) errors.add(new FieldError("shrinkage", "must be between 0 and 0.9"));
        if (!(s.maxOccupancy() > 0 && s.maxOccupancy() <= 1)) errors.add(new FieldError("max_occupancy", "must be above 0 and at most 1"));
        if (s.concurrency() < 1 || s.concurrency() > 20) errors.add(new FieldError("concurrency", "must be from 1 to 20"));
        if (s.patienceSeconds() != null && s.patienceSeconds() < 1) errors.add(new FieldError("patience_seconds", "must be positive"));
        if (s.slaWindowHours() != null && (s.slaWindowHours() < 1 || s.slaWindowHours() > 168)) {
            errors.add(new FieldError("sla_window_hours", "must be from 1 to 168"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    }
}
