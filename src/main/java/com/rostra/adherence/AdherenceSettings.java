package com.rostra.adherence;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.tenancy.CompanyId;

/** A company's adherence rules: grace at block starts and ends (default 2 minutes) and the Realtime alert threshold. */
@Service
public class AdherenceSettings {

    public record Settings(int graceSeconds, int alertAfterSeconds) {
        public Duration grace() {
            return Duration.ofSeconds(graceSeconds);
        }
    }

    static final Settings DEFAULTS = new Settings(120, 300);
    static final int MAX_GRACE_SECONDS = 3600;
    static final int MAX_ALERT_SECONDS = 86_400;

    private final JdbcClient jdbc;
    private final ActivityRules rules;
    private final Clock clock;

    AdherenceSettings(JdbcClient jdbc, ActivityRules rules, Clock clock) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Settings get(CompanyId company) {
        return jdbc.sql("select grace_seconds, alert_after_seconds from adherence_settings where company_id = ?")
                .param(company.value())
                .query((rs, i) -> new Settings(rs.getInt(1), rs.getInt(2))).optional().orElse(DEFAULTS);
    }

    /** Grace, alert and (when given) the activity rules together: all or nothing. */
    @Transactional
    public void putAll(CompanyId company, Integer graceSeconds, Integer alertAfterSeconds, List<ActivityRules.RuleInput> activityRules) {
        put(company, graceSeconds, alertAfterSeconds);
        if (activityRules != null) rules.replace(company, activityRules);
    }

    /** Left-out fields keep their value; out-of-range ones are a 400 naming each field. */
    @Transactional
    public Settings put(CompanyId company, Integer graceSeconds, Integer alertAfterSeconds) {
        Settings current = get(company);
        List<FieldError> errors = new ArrayList<>();
        if (graceSeconds != null && (graceSeconds < 0 || graceSeconds > MAX_GRACE_SECONDS)) {
            errors.add(new FieldError("grace_seconds", "must be between 0 and " + MAX_GRACE_SECONDS));
        }
        if (alertAfterSeconds != null && (alertAfterSeconds < 0 || alertAfterSeconds > MAX_ALERT_SECONDS)) {
            errors.add(new FieldError("alert_after_seconds", "must be between 0 and " + MAX_ALERT_SECONDS));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Settings next = new Settings(graceSeconds == null ? current.graceSeconds() : graceSeconds,
                alertAfterSeconds == null ? current.alertAfterSeconds() : alertAfterSeconds);
        int updated = jdbc.sql("update adherence_settings set grace_seconds = ?, alert_after_seconds = ?, updated_at = ? where company_id = ?")
                .params(next.graceSeconds(), next.alertAfterSeconds(), Db.ts(clock.instant()), company.value()).update();
        if (updated == 0) {
            jdbc.sql("insert into adherence_settings (company_id, grace_seconds, alert_after_seconds, updated_at) values (?, ?, ?, ?)")
                    .params(company.value(), next.graceSeconds(), next.alertAfterSeconds(), Db.ts(clock.instant())).update();
        }
        return next;
    }
}
