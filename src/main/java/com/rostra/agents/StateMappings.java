package com.rostra.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.contacts.Channel;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyId;

/**
 * Which Rostra activity type a Gladly state (and reason) counts as. A company starts with sensible defaults;
 * the most specific rule wins: an exact reason beats {@code *}.
 */
@Service
public class StateMappings {

    public record Mapping(AgentState state, String reason, String activityType, boolean productive, String channel) {}

    static final List<Mapping> DEFAULTS = List.of(
            new Mapping(AgentState.ACTIVE, "*", "Productive", true, null),
            new Mapping(AgentState.AWAY, "*", "Away", false, null),
            new Mapping(AgentState.AWAY, "Break", "Break", false, null),
            new Mapping(AgentState.AWAY, "Lunch", "Lunch", false, null),
            new Mapping(AgentState.AWAY, "Team Meeting", "Meeting", false, null),
            new Mapping(AgentState.AWAY, "Meeting", "Meeting", false, null),
            new Mapping(AgentState.AWAY, "Training", "Training", false, null),
            new Mapping(AgentState.AWAY, "Idle", "Idle", false, null),
            new Mapping(AgentState.LOGGED_OUT, "*", "Offline", false, null));

    private final JdbcClient jdbc;
    // Looked up when used: the checks (adherence's rules) depend on this service themselves.
    private final org.springframework.beans.factory.ObjectProvider<StateMappingsCheck> checks;

    StateMappings(JdbcClient jdbc, org.springframework.beans.factory.ObjectProvider<StateMappingsCheck> checks) {
        this.jdbc = jdbc;
        this.checks = checks;
    }

    public List<Mapping> list(CompanyId company) {
        List<Mapping> stored = jdbc.sql("select * from agent_state_mappings where company_id = ? order by state, reason")
                .param(company.value())
                .query((rs, i) -> new Mapping(AgentState.fromWire(rs.getString("state")), rs.getString("reason"),
                        rs.getString("activity_type"), rs.getBoolean("productive"), rs.getString("channel")))
                .list();
        return stored.isEmpty() ? DEFAULTS : stored;
    }

    /** "phone, email, chat, sms or social": the channels, for messages. */
    private static final String CHANNELS;

    static {
        List<String> names = java.util.Arrays.stream(Channel.values()).map(Channel::wireName).toList();
        CHANNELS = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    @Transactional
    public List<Mapping> replace(CompanyId company, List<Mapping> mappings) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < mappings.size(); i++) {
            Mapping m = mappings.get(i);
            if (m.state() == null) errors.add(new InvalidRequestException.FieldError("mappings[" + i + "].state", "must be logged_out, active or away"));
            if (m.reason() == null || m.reason().isBlank()) errors.add(new InvalidRequestException.FieldError("mappings[" + i + "].reason", "give a reason name or *"));
            if (m.activityType() == null || m.activityType().isBlank()) errors.add(new InvalidRequestException.FieldError("mappings[" + i + "].activity_type", "is required"));
            if (m.channel() != null && Channel.fromWire(m.channel()).isEmpty()) {
                errors.add(new InvalidRequestException.FieldError("mappings[" + i + "].channel", "must be " + CHANNELS));
            }
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        // An empty replacement stores nothing, and a company without rows gets the defaults (see list).
        List<Mapping> effective = mappings.isEmpty() ? DEFAULTS : mappings;
        checks.orderedStream().forEach(c -> errors.addAll(c.check(company, effective)));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        jdbc.sql("delete from agent_state_mappings where company_id = ?").param(company.value()).update();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Mapping m : mappings) {
            if (!seen.add(m.state() + "|" + m.reason().strip())) continue;
            jdbc.sql("insert into agent_state_mappings (company_id, state, reason, activity_type, productive, channel) values (?, ?, ?, ?, ?, ?)")
                    .params(company.value(), m.state().wireName(), m.reason().strip(), m.activityType().strip(), m.productive(),
                            m.channel() == null ? null : m.channel().toLowerCase(Locale.ROOT)).update();
        }
        return list(company);
    }

    /** The activity type for a state and reason, or null when no rule covers it (shown as unmapped, not hidden). */
    public static Mapping resolve(List<Mapping> mappings, AgentState state, String reason) {
        Mapping wildcard = null;
        for (Mapping m : mappings) {
            if (m.state() != state) continue;
            if (reason != null && m.reason().equalsIgnoreCase(reason)) return m;
            if (m.reason().equals("*")) wildcard = m;
        }
        return wildcard;
    }
}
