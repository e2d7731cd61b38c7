package com.rostra.adherence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.agents.AgentState;
import com.rostra.agents.StateMappings;
import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.schedules.ActivityType;
import com.rostra.schedules.ActivityTypes;
import com.rostra.tenancy.CompanyId;

/**
 * Per activity type, which agent states satisfy a scheduled block of it (the in/out rule of adherence). A rule is a
 * list of tokens, any of which satisfies the block:
 * <ul>
 * <li>{@code productive}: a logged-in state mapped to a productive activity type;</li>
 * <li>{@code state:active}, {@code state:away}, {@code state:logged_out}: Gladly's state whatever the reason
 *     ({@code logged_out} also covers time with no known state);</li>
 * <li>{@code mapped:<name>}: a state mapped to that activity type (the state mappings' {@code activity_type}).</li>
 * </ul>
 * With {@code requires_channel}, a logged-in state satisfies a block whose type works one channel only while the agent
 * is available for that channel (Gladly's availability: VOICE = phone, MAIL = email, MESSAGING = chat, SMS, social).
 * When Rostra has never heard the agent's availability, the channel is not checked.
 * <p>Defaults: a productive type needs {@code productive} with the channel; breaks, lunch, meetings and other
 * non-productive types need {@code state:away} or {@code state:logged_out}. Time off is not rated.
 */
@Service
public class ActivityRules {

    /** The in/out rule of one activity type. */
    public record Rule(boolean productive, Set<AgentState> states, Set<String> mappedTypes, boolean requiresChannel) {

        /** What the agent is doing at a moment: {@code state} null = unknown; {@code channels} null = availability unknown. */
        public record Fact(AgentState state, String mappedType, boolean mappedProductive, Set<String> channels) {
            static final Fact UNKNOWN = new Fact(null, null, false, null);

            boolean working() {
                return state != null && state != AgentState.LOGGED_OUT && mappedProductive;
            }
        }

        /** Does this fact satisfy a block of the type, which works {@code channel} (null: any)? */
        public boolean fits(Fact f, String channel) {
            AgentState s = f.state() == null ? AgentState.LOGGED_OUT : f.state();
            boolean ok = (productive && f.working()) || states.contains(s)
                    || (f.state() != null && f.mappedType() != null && mappedTypes.stream().anyMatch(m -> m.equalsIgnoreCase(f.mappedType())));
            if (ok && requiresChannel && channel != null && s != AgentState.LOGGED_OUT && f.channels() != null
                    && !f.channels().contains(channel)) {
                ok = false;
            }
            return ok;
        }

        List<String> tokens() {
            List<String> t = new ArrayList<>();
            if (productive) t.add("productive");
            for (AgentState s : List.of(AgentState.ACTIVE, AgentState.AWAY, AgentState.LOGGED_OUT)) if (states.contains(s)) t.add("state:" + s.wireName());
            mappedTypes.forEach(m -> t.add("mapped:" + m));
            return t;
        }
    }

    /** As the API shows it: every rated activity type with its rule, {@code customized} when not the default. */
    public record RuleView(String activityType, String channel, List<String> satisfiedBy, boolean requiresChannel, boolean customized) {}

    /** As the API takes it. {@code requiresChannel} null: the default (true for a type with a channel). */
    public record RuleInput(String activityType, List<String> satisfiedBy, Boolean requiresChannel) {}

    static final Rule PRODUCTIVE = new Rule(true, Set.of(), Set.of(), true);
    static final Rule AWAY_OR_LOGGED_OUT = new Rule(false, Set.of(AgentState.AWAY, AgentState.LOGGED_OUT), Set.of(), false);

    private final JdbcClient jdbc;
    private final ActivityTypes types;
    private final StateMappings mappings;
    private final Clock clock;

    ActivityRules(JdbcClient jdbc, ActivityTypes types, StateMappings mappings, Clock clock) {
        this.jdbc = jdbc;
        this.types = types;
        this.mappings = mappings;
        this.clock = clock;
    }

    /** The activity types the company's state mappings map states to: what {@code mapped:<name>} may name. */
    public List<String> mappedActivityTypes(CompanyId company) {
        Map<String, String> names = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (StateMappings.Mapping m : mappings.list(company)) names.putIfAbsent(m.activityType().strip(), m.activityType().strip());
        return List.copyOf(names.values());
    }

    static Rule defaultRule(ActivityType t) {
        return t.productive() ? PRODUCTIVE : AWAY_OR_LOGGED_OUT;
    }

    /** The rule per activity type id (every type but time off). */
    public Map<Long, Rule> rules(CompanyId company) {
        Map<Long, Rule> stored = stored(company);
        Map<Long, Rule> rules = new HashMap<>();
        for (ActivityType t : types.list(company)) {
            if ("time_off".equals(t.category())) continue;
            rules.put(t.id(), stored.getOrDefault(t.id(), defaultRule(t)));
        }
        return rules;
    }

    public List<RuleView> views(CompanyId company) {
        Map<Long, Rule> stored = stored(company);
        List<RuleView> views = new ArrayList<>();
        for (ActivityType t : types.list(company)) {
            if ("time_off".equals(t.category())) continue;
            Rule r = stored.getOrDefault(t.id(), defaultRule(t));
            views.add(new RuleView(t.name(), t.channel(), r.tokens(), r.requiresChannel(), stored.containsKey(t.id())));
        }
        return views;
    }

    /** Replaces every customized rule: types left out go back to their default. A 400 names each bad field. */
    @Transactional
    public void replace(CompanyId company, List<RuleInput> inputs) {
        Map<String, ActivityType> byName = new HashMap<>();
        types.list(company).forEach(t -> byName.put(t.name().toLowerCase(Locale.ROOT), t));
        List<String> mappedNames = mappedActivityTypes(company);
        Set<String> mappable = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        mappable.addAll(mappedNames);
        List<FieldError> errors = new ArrayList<>();
        Map<Long, Rule> next = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            RuleInput in = inputs.get(i);
            String at = "activity_rules[" + i + "]";
            if (in == null) {
                errors.add(new FieldError(at, "is empty"));
                continue;
            }
            ActivityType type = in.activityType() == null ? null : byName.get(in.activityType().strip().toLowerCase(Locale.ROOT));
            if (type == null) {
                errors.add(new FieldError(at + ".activity_type", "'" + in.activityType() + "' is not an activity type; known: "
                        + String.join(", ", byName.values().stream().filter(t -> !"time_off".equals(t.category())).map(ActivityType::name).sorted().toList())));
            } else if ("time_off".equals(type.category())) {
                errors.add(new FieldError(at + ".activity_type", "time off is not part of adherence and has no rule"));
            } else if (next.containsKey(type.id())) {
                errors.add(new FieldError(at + ".activity_type", "'" + type.name() + "' has a rule already"));
            }
            Rule rule = parse(in.satisfiedBy(), in.requiresChannel() == null ? type == null || type.channel() != null : in.requiresChannel(),
                    at + ".satisfied_by", errors);
            // A name no state is mapped to would never match: the block would be out of adherence whatever the agent did.
            for (String m : rule == null ? Set.<String>of() : rule.mappedTypes()) {
                if (!mappable.contains(m)) {
                    errors.add(new FieldError(at + ".satisfied_by", "'mapped:" + m + "' names no state mapping; the state mappings map to "
                            + String.join(", ", mappedNames)));
                    rule = null;
                }
            }
            if (type != null && rule != null) next.put(type.id(), rule);
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        jdbc.sql("delete from adherence_activity_rules where company_id = ?").param(company.value()).update();
        next.forEach((typeId, rule) -> jdbc.sql("""
                        insert into adherence_activity_rules (company_id, activity_type_id, satisfied_by, requires_channel, updated_at)
                        values (?, ?, ?, ?, ?)""")
                .params(company.value(), typeId, String.join(",", rule.tokens()), rule.requiresChannel(), Db.ts(clock.instant())).update());
    }

    static Rule parse(List<String> tokens, boolean requiresChannel, String field, List<FieldError> errors) {
        if (tokens == null || tokens.isEmpty()) {
            errors.add(new FieldError(field, "give at least one of productive, state:active, state:away, state:logged_out, mapped:<activity type>"));
            return null;
        }
        boolean productive = false;
        Set<AgentState> states = new LinkedHashSet<>();
        Set<String> mapped = new LinkedHashSet<>();
        int before = errors.size();
        for (String raw : tokens) {
            String t = raw == null ? "" : raw.strip();
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.equals("productive")) {
                productive = true;
            } else if (lower.startsWith("state:")) {
                AgentState s = Arrays.stream(AgentState.values()).filter(a -> a.wireName().equals(lower.substring(6))).findFirst().orElse(null);
                if (s == null) errors.add(new FieldError(field, "'" + t + "': the state must be active, away or logged_out"));
                else states.add(s);
            } else if (lower.startsWith("mapped:") && !lower.substring(7).isBlank() && lower.length() <= 207 && !lower.contains(",")) {
                mapped.add(t.substring(7).strip());
            } else {
                errors.add(new FieldError(field, "'" + t + "' is not productive, state:<active|away|logged_out> or mapped:<activity type>"));
            }
        }
        return errors.size() > before ? null : new Rule(productive, java.util.Collections.unmodifiableSet(states), java.util.Collections.unmodifiableSet(mapped), requiresChannel);
    }

    /**
     * The stored rules naming {@code mapped:<name>} where {@code <name>} is no activity type of {@code replacement}: after
     * that replacement they would never match, and blocks of those types would be out of adherence whatever the agent
     * did. One error per such rule, on {@code mappings}, naming the rule's activity type and the name.
     */
    List<FieldError> brokenBy(CompanyId company, List<StateMappings.Mapping> replacement) {
        Set<String> mappable = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (StateMappings.Mapping m : replacement) {
            if (m.activityType() != null) mappable.add(m.activityType().strip());
        }
        Map<Long, Rule> stored = stored(company);
        if (stored.isEmpty()) return List.of();
        List<FieldError> errors = new ArrayList<>();
        for (ActivityType t : types.list(company)) {
            Rule r = stored.get(t.id());
            if (r == null) continue;
            List<String> lost = r.mappedTypes().stream().filter(m -> !mappable.contains(m)).map(m -> "mapped:" + m).toList();
            if (!lost.isEmpty()) {
                errors.add(new FieldError("mappings", "the adherence rule for '" + t.name() + "' is satisfied by "
                        + String.join(", ", lost) + ", which no mapping would map to any more; keep a mapping to "
                        + (lost.size() == 1 ? "that activity type" : "those activity types")
                        + " or change the rule first (PUT /api/v1/adherence-settings, or the Adherence page)"));
            }
        }
        return errors;
    }

    private Map<Long, Rule> stored(CompanyId company) {
        Map<Long, Rule> rules = new HashMap<>();
        jdbc.sql("select activity_type_id, satisfied_by, requires_channel from adherence_activity_rules where company_id = ?")
                .param(company.value())
                .query(rs -> {
                    Rule r = parse(List.of(rs.getString(2).split(",")), rs.getBoolean(3), "satisfied_by", new ArrayList<>());
                    if (r != null) rules.put(rs.getLong(1), r);
                });
        return rules;
    }
}
