package com.rostra.staffing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntBiFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.rostra.contacts.Channel;
import com.rostra.contacts.QueuePath;
import com.rostra.tenancy.CompanyId;
import com.rostra.volume.AnswerTargets;

/**
 * The answer-time target a contact is measured against: its own queue's staffing target for its channel, else the
 * nearest parent queue's, else the company-wide one (queue 0), else the channel's default. The volume's service level
 * then says the same thing the Staffing page plans for.
 */
@Component
class StaffingAnswerTargets implements AnswerTargets {

    /** Contacts on a channel Rostra does not know: an hour, as for any unlisted channel. */
    private static final int UNKNOWN_CHANNEL_TARGET = 3600;

    private final JdbcClient jdbc;

    StaffingAnswerTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ToIntBiFunction<String, String> of(CompanyId company) {
        Map<String, Integer> saved = new HashMap<>();
        jdbc.sql("select queue_key, channel, target_seconds from staffing_settings where company_id = ?")
                .param(company.value())
                .query(rs -> {
                    saved.put(rs.getLong("queue_key") + "|" + rs.getString("channel"), rs.getInt("target_seconds"));
                });
        return (queuePath, channel) -> {
            if (Channel.fromWire(channel).isEmpty()) {
                return UNKNOWN_CHANNEL_TARGET;
            }
            List<Long> path = QueuePath.decode(queuePath);
            for (int i = path.size() - 1; i >= 0; i--) {
                Integer target = saved.get(path.get(i) + "|" + channel);
                if (target != null) return target;
            }
            Integer companyWide = saved.get("0|" + channel);
            return companyWide != null ? companyWide : StaffingSettings.defaults(channel).targetSeconds();
        };
    }
}
