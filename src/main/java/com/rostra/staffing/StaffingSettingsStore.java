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
                        (Integer) rs.getObject("sla_window_hours", Integer.class), rs.getString("model"),
                        rs.getBoolean("aht_measured")))
                .optional().orElse(StaffingSettings.defaults(channel));
    }

    @Transactional
    public StaffingSettings save(CompanyId company, long queueKey, String channel, StaffingSettings s) {
        return save(company, queueKey, channel, s, false);
    }

    /** {@code patienceMeasured}: Erlang A may leave patience unset, meaning "the measured patience". */
    public StaffingSettings save(CompanyId company, long queueKey, String channel, StaffingSettings s, boolean patienceMeasured) {
        check(s, patienceMeasured);
        jdbc.sql("delete from staffing_settings where company_id = ? and queue_key = ? and channel = ?")
                .params(company.value(), queueKey, channel).update();
        jdbc.sql("""
                insert into staffing_settings (company_id, queue_key, channel, service_level, target_seconds, aht_seconds,
                    shrinkage, max_occupancy, concurrency, patience_seconds, sla_window_hours, model, aht_measured, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(company.value(), queueKey, channel, s.serviceLevel(), s.targetSeconds(), s.ahtSeconds(), s.shrinkage(),
                        s.maxOccupancy(), s.concurrency(), s.patienceSeconds(), s.slaWindowHours(), s.model(), s.ahtMeasured(), Db.ts(clock.instant()))
                .update();
        return get(company, queueKey, channel);
    }

    /** A queue that is gone takes its settings with it. */
    @EventListener
    void onQueueDeleted(QueueDeleted deleted) {
        jdbc.sql("delete from staffing_settings where company_id = ? and queue_key = ?")
                .params(deleted.companyId().value(), deleted.queueId()).update();
    }

    /** Throws with every field that is out of range (the bounds live in {@link StaffingLimits}). */
    public static void check(StaffingSettings s) {
        check(s, false);
    }

    static void check(StaffingSettings s, boolean patienceMeasured) {
        List<FieldError> errors = new ArrayList<>();
        StaffingLimits.serviceLevel(s.serviceLevel(), errors);
        StaffingLimits.targetSeconds(s.targetSeconds(), errors);
        StaffingLimits.ahtSeconds(s.ahtSeconds(), errors);
        StaffingLimits.shrinkage(s.shrinkage(), errors);
        StaffingLimits.maxOccupancy(s.maxOccupancy(), errors);
        StaffingLimits.concurrency(s.concurrency(), errors);
        StaffingModel model = StaffingLimits.model(s.model(), errors);
        StaffingLimits.patienceSeconds(s.patienceSeconds(),
                model == StaffingModel.ERLANG_A && s.slaWindowHours() == null && !patienceMeasured, errors);
        StaffingLimits.slaWindowHours(s.slaWindowHours(), errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    }
}
