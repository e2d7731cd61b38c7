package com.rostra.queues;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.contacts.Channel;
import com.rostra.platform.ConflictException;
import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.platform.NotFoundException;
import com.rostra.queues.internal.Classification;
import com.rostra.queues.internal.ContactClassifier;
import com.rostra.queues.internal.ContactCriterion;
import com.rostra.queues.internal.RuleValidation;
import com.rostra.tenancy.CompanyId;

/** A company's queue definitions and exclusions; every change marks the company's assignment stale. */
@Service
public class Queues {

    static final int MAX_DEPTH = 5;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ContactClassifier classifier;

    Queues(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, ContactClassifier classifier) {
        this.classifier = classifier;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    private record Row(long id, String name, Long parentId, int priority, List<String> channels, Instant createdAt,
                       Instant updatedAt) {}

    private record StoredRule(Long queueId, String kind, ContactCriterion criterion) {}

    /** Every queue, in the order they are tried within each level: parents listed before their children. */
    public List<Queue> list(CompanyId company) {
        List<Row> rows = rows(company);
        Map<Long, List<StoredRule>> rules = rules(company);
        List<Queue> ordered = new ArrayList<>();
        addTree(rows, rules, null, 0, ordered);
        return ordered;
    }

    /** Every queue id of the company, parents before children. */
    public List<Long> queueIds(CompanyId company) {
        return list(company).stream().map(Queue::id).toList();
    }

    /** The queue's path from its top-level queue down to itself, or empty when the company has no such queue. */
    public java.util.Optional<List<Long>> path(CompanyId company, long queueId) {
        Map<Long, Queue> byId = new HashMap<>();
        list(company).forEach(q -> byId.put(q.id(), q));
        if (!byId.containsKey(queueId)) {
            return java.util.Optional.empty();
        }
        List<Long> path = new ArrayList<>();
        for (Queue at = byId.get(queueId); at != null; at = at.parentId() == null ? null : byId.get(at.parentId())) {
            path.add(0, at.id());
        }
        return java.util.Optional.of(path);
    }

    /**
     * A {@code queue_id} request parameter: null when blank or "all" (every queue together), the id when the
     * company has that queue, otherwise null with an error (another company's queue does not exist here).
     */
    public Long queueIdParam(CompanyId company, String value, List<FieldError> errors) {
        QueueScope scope = scopeParam(company, "queue_id", value, false, errors);
        return scope == null || scope.isAllQueues() ? null : scope.queueId();
    }

    /**
     * The one parser of a queue request parameter: blank or "all" is every queue together, "no_queue" (when
     * {@code noQueueAllowed}) the contacts no queue claims, else an id of one of the company's own queues. Anything
     * else adds an error on {@code field} (another company's queue does not exist here) and answers null.
     */
    public QueueScope scopeParam(CompanyId company, String field, String value, boolean noQueueAllowed, List<FieldError> errors) {
        if (value == null || value.isBlank() || value.equals("all")) {
            return QueueScope.allQueues();
        }
        if (noQueueAllowed && value.equals("no_queue")) {
            return QueueScope.noQueue();
        }
        try {
            long id = Long.parseLong(value.strip());
            if (path(company, id).isPresent()) {
                return QueueScope.queue(id);
            }
        } catch (NumberFormatException e) {
            // reported below like an unknown id
        }
        errors.add(new FieldError(field, "no queue " + value + " exists" + (noQueueAllowed ? "; use a queue id or no_queue" : "")));
        return null;
    }

    public Queue get(CompanyId company, long id) {
        return list(company).stream().filter(q -> q.id() == id).findFirst().orElseThrow(() -> new NotFoundException("queue"));
    }

    /** Whether the company's contacts reflect its current rules, and how far a running re-assignment is. */
    public AssignmentStatus assignmentStatus(CompanyId company) {
        return jdbc.sql("select * from queue_assignments where company_id = ?").param(company.value())
                .query((rs, i) -> {
                    long rules = rs.getLong("rules_version");
                    long applied = rs.getLong("applied_version");
                    Long running = (Long) rs.getObject("running_version", Long.class);
                    String state = applied >= rules ? "up_to_date" : running != null && running == rules ? "running" : "pending";
                    return new AssignmentStatus(state, rules, applied, rs.getLong("done"), rs.getLong("total"),
                            Db.instant(rs, "started_at"), Db.instant(rs, "finished_at"));
                })
                .optional().orElse(AssignmentStatus.initial());
    }

    public List<QueueRule> exclusions(CompanyId company) {
        return rules(company).getOrDefault(null, List.of()).stream().map(r -> RuleValidation.wire(r.criterion())).toList();
    }

    @Transactional
    public Queue create(CompanyId company, QueueInput input) {
        Validated v = validate(company, null, input);
        Instant now = clock.instant();
        int priority = input.priority() != null ? input.priority() : nextPriority(company, input.parentId());
        long id = Db.insert(jdbc.sql("""
                insert into queues (company_id, name, parent_id, priority, channels, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(company.value(), v.name(), input.parentId(), priority, joinChannels(v.channels()), Db.ts(now), Db.ts(now)));
        insertRules(company, id, v);
        events.publishEvent(new QueueRulesChanged(company));
        return get(company, id);
    }

    @Transactional
    public Queue update(CompanyId company, long id, QueueInput input) {
        Queue current = get(company, id);
        Validated v = validate(company, id, input);
        int priority = input.priority() != null ? input.priority()
                : Objects.equals(current.parentId(), input.parentId()) ? current.priority() : nextPriority(company, input.parentId());
        jdbc.sql("update queues set name = ?, parent_id = ?, priority = ?, channels = ?, updated_at = ? where company_id = ? and id = ?")
                .params(v.name(), input.parentId(), priority, joinChannels(v.channels()), Db.ts(clock.instant()), company.value(), id)
                .update();
        jdbc.sql("delete from queue_rules where company_id = ? and queue_id = ?").params(company.value(), id).update();
        insertRules(company, id, v);
        if (!Objects.equals(current.parentId(), input.parentId())) {
            // The queue and everything under it now count under other parents.
            for (Queue q : list(company)) {
                List<Long> path = path(company, q.id()).orElseThrow();
                if (path.contains(id)) events.publishEvent(new QueueMoved(company, q.id(), path));
            }
        }
        events.publishEvent(new QueueRulesChanged(company));
        return get(company, id);
    }

    @Transactional
    public void delete(CompanyId company, long id) {
        Queue queue = get(company, id);
        List<String> children = list(company).stream().filter(q -> Objects.equals(q.parentId(), id)).map(Queue::name).toList();
        if (!children.isEmpty()) {
            throw new ConflictException("queue '" + queue.name() + "' has child queues (" + String.join(", ", children)
                    + "); move or delete them first");
        }
        List<Long> parentPath = queue.parentId() == null ? List.of() : path(company, queue.parentId()).orElseThrow();
        jdbc.sql("delete from queue_rules where company_id = ? and queue_id = ?").params(company.value(), id).update();
        jdbc.sql("delete from queues where company_id = ? and id = ?").params(company.value(), id).update();
        events.publishEvent(new QueueDeleted(company, id, parentPath));
        events.publishEvent(new QueueRulesChanged(company));
    }

    @Transactional
    public List<QueueRule> replaceExclusions(CompanyId company, List<QueueRule> exclusions) {
        List<FieldError> errors = new ArrayList<>();
        List<ContactCriterion> criteria = RuleValidation.criteria("exclusions", exclusions, errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        jdbc.sql("delete from queue_rules where company_id = ? and queue_id is null").param(company.value()).update();
        insertCriteria(company, null, "exclusion", criteria);
        events.publishEvent(new QueueRulesChanged(company));
        return exclusions(company);
    }

    /** Contacts queued in [from, to) per queue path, channel and exclusion: the Queues and exclusions table. */
    public List<QueueCount> contactCounts(CompanyId company, Instant from, Instant to) {
        return classifier.countByQueue(company, from, to);
    }

    /** The most frequent values of each rule attribute in the company's contacts since {@code since}. */
    public Map<ContactAttribute, List<String>> attributeValues(CompanyId company, Instant since, int perAttribute) {
        return classifier.seenValues(company, since, perAttribute);
    }

    /** The company's queues as the ordered targets contact classification tries. */
    public Classification classification(CompanyId company) {
        List<Queue> queues = list(company);
        Map<Long, Queue> byId = new HashMap<>();
        queues.forEach(q -> byId.put(q.id(), q));
        List<Classification.Target> targets = new ArrayList<>();
        addTargets(queues, byId, null, targets);
        List<FieldError> ignored = new ArrayList<>();
        return new Classification(RuleValidation.criteria("exclusions", exclusions(company), ignored), targets);
    }

    /** Children are tried before their parent, so a contact lands in the most specific queue that matches. */
    private void addTargets(List<Queue> queues, Map<Long, Queue> byId, Long parentId, List<Classification.Target> targets) {
        for (Queue q : queues.stream().filter(q -> Objects.equals(q.parentId(), parentId)).toList()) {
            addTargets(queues, byId, q.id(), targets);
            if (q.rules().isEmpty() && q.channels().isEmpty()) {
                continue;
            }
            List<Long> path = new ArrayList<>();
            List<List<ContactCriterion>> ruleSets = new ArrayList<>();
            List<ContactCriterion> exclusions = new ArrayList<>();
            for (Queue at = q; at != null; at = at.parentId() == null ? null : byId.get(at.parentId())) {
                path.add(0, at.id());
                ruleSets.add(0, ownRules(at));
                List<FieldError> ignored = new ArrayList<>();
                exclusions.addAll(RuleValidation.criteria("exclusions", at.exclusions(), ignored));
            }
            targets.add(new Classification.Target(path, ruleSets, exclusions));
        }
    }

    private static List<ContactCriterion> ownRules(Queue q) {
        List<FieldError> ignored = new ArrayList<>();
        List<ContactCriterion> rules = new ArrayList<>(RuleValidation.criteria("rules", q.rules(), ignored));
        for (String channel : q.channels()) {
            rules.add(new ContactCriterion(ContactAttribute.CHANNEL, MatchOperator.IS, channel));
        }
        return rules;
    }

    private record Validated(String name, List<ContactCriterion> rules, List<ContactCriterion> exclusions, List<String> channels) {}

    private Validated validate(CompanyId company, Long id, QueueInput input) {
        List<FieldError> errors = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) errors.add(new FieldError("name", "must not be blank"));
        else if (name.length() > 120) errors.add(new FieldError("name", "must be at most 120 characters"));
        List<ContactCriterion> rules = RuleValidation.criteria("rules", input.rules(), errors);
        List<ContactCriterion> exclusions = RuleValidation.criteria("exclusions", input.exclusions(), errors);
        Set<String> channels = new LinkedHashSet<>();
        if (input.channels() != null) {
            for (String c : input.channels()) {
                Channel channel = c == null ? null : Channel.fromWire(c).orElse(null);
                if (channel == null) errors.add(new FieldError("channels", "'" + c + "' is not one of " + com.rostra.contacts.Channel.listed()));
                else channels.add(channel.wireName());
            }
        }
        List<Row> rows = rows(company);
        if (input.parentId() != null) {
            Map<Long, Row> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.id(), r));
            if (!byId.containsKey(input.parentId())) {
                errors.add(new FieldError("parent_id", "no queue " + input.parentId() + " exists"));
            } else {
                int depth = 1;
                for (Long at = input.parentId(); at != null; at = byId.get(at).parentId()) {
                    if (at.equals(id)) {
                        errors.add(new FieldError("parent_id", "a queue cannot be inside itself or its own child"));
                        break;
                    }
                    depth++;
                }
                if (depth > MAX_DEPTH) errors.add(new FieldError("parent_id", "queues nest at most " + MAX_DEPTH + " levels deep"));
            }
        }
        if (input.priority() != null && (input.priority() < 0 || input.priority() > 1_000_000)) {
            errors.add(new FieldError("priority", "must be between 0 and 1000000"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        rows.stream().filter(r -> r.name().equalsIgnoreCase(name) && !Objects.equals(r.id(), id)).findAny().ifPresent(r -> {
            throw new ConflictException("a queue named '" + r.name() + "' already exists");
        });
        return new Validated(name, rules, exclusions, List.copyOf(channels));
    }

    private int nextPriority(CompanyId company, Long parentId) {
        return rows(company).stream().filter(r -> Objects.equals(r.parentId(), parentId))
                .mapToInt(Row::priority).max().orElse(0) + 10;
    }

    private void insertRules(CompanyId company, long queueId, Validated v) {
        insertCriteria(company, queueId, "rule", v.rules());
        insertCriteria(company, queueId, "exclusion", v.exclusions());
    }

    private void insertCriteria(CompanyId company, Long queueId, String kind, List<ContactCriterion> criteria) {
        for (int i = 0; i < criteria.size(); i++) {
            ContactCriterion c = criteria.get(i);
            jdbc.sql("""
                    insert into queue_rules (company_id, queue_id, kind, position, attribute, operator, match_value)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(company.value(), queueId, kind, i, c.attribute().wireName(), c.operator().wireName(), c.value())
                    .update();
        }
    }

    private List<Row> rows(CompanyId company) {
        return jdbc.sql("select * from queues where company_id = ? order by priority, id").param(company.value())
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("name"), (Long) rs.getObject("parent_id", Long.class),
                        rs.getInt("priority"), splitChannels(rs.getString("channels")), Db.instant(rs, "created_at"),
                        Db.instant(rs, "updated_at")))
                .list();
    }

    private Map<Long, List<StoredRule>> rules(CompanyId company) {
        Map<Long, List<StoredRule>> byQueue = new HashMap<>();
        jdbc.sql("select * from queue_rules where company_id = ? order by queue_id, kind, position").param(company.value())
                .query((rs, i) -> new StoredRule((Long) rs.getObject("queue_id", Long.class), rs.getString("kind"),
                        new ContactCriterion(ContactAttribute.fromWire(rs.getString("attribute")).orElseThrow(),
                                MatchOperator.fromWire(rs.getString("operator")).orElseThrow(), rs.getString("match_value"))))
                .list()
                .forEach(r -> byQueue.computeIfAbsent(r.queueId(), k -> new ArrayList<>()).add(r));
        return byQueue;
    }

    private static void addTree(List<Row> rows, Map<Long, List<StoredRule>> rules, Long parentId, int depth, List<Queue> out) {
        rows.stream().filter(r -> Objects.equals(r.parentId(), parentId)).sorted(Comparator.comparingInt(Row::priority)
                .thenComparingLong(Row::id)).forEach(r -> {
            List<StoredRule> own = rules.getOrDefault(r.id(), List.of());
            out.add(new Queue(r.id(), r.name(), r.parentId(), r.priority(), r.channels(),
                    own.stream().filter(x -> x.kind().equals("rule")).map(x -> RuleValidation.wire(x.criterion())).toList(),
                    own.stream().filter(x -> x.kind().equals("exclusion")).map(x -> RuleValidation.wire(x.criterion())).toList(),
                    depth, r.createdAt(), r.updatedAt()));
            addTree(rows, rules, r.id(), depth + 1, out);
        });
    }

    private static String joinChannels(List<String> channels) {
        return channels.isEmpty() ? null : String.join(",", channels);
    }

    private static List<String> splitChannels(String channels) {
        return channels == null || channels.isBlank() ? List.of() : Arrays.asList(channels.split(","));
    }
}
