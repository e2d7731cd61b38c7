package com.rostra.queues.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.contacts.QueuePath;
import com.rostra.platform.Db;
import com.rostra.queues.ContactAttribute;
import com.rostra.queues.QueueCount;
import com.rostra.tenancy.CompanyId;

/**
 * Writes each contact's queue path and excluded flag from a {@link Classification}. The rules become one SQL
 * CASE expression, so re-assigning a company's history is a few set-based updates rather than a Java loop over
 * millions of rows, and rows whose assignment did not change are not rewritten.
 */
@Service
public class ContactClassifier {

    private final JdbcClient jdbc;

    ContactClassifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Classifies the company's contacts queued in [from, to]; returns how many changed. */
    @Transactional
    public int classifyQueued(CompanyId company, Classification classification, Instant from, Instant to) {
        return apply(company, classification, "queued_at >= ? and queued_at <= ?", List.of(Db.ts(from), Db.ts(to)));
    }

    /** Classifies the company's contacts with ids in (afterId, upToId]: one chunk of a history re-assignment. */
    @Transactional
    public int classifyIds(CompanyId company, Classification classification, long afterId, long upToId) {
        return apply(company, classification, "id > ? and id <= ?", List.of(afterId, upToId));
    }

    /** The queued times [first, last] of the company's contacts with ids in (afterId, upToId], or null for none. */
    public Instant[] queuedRange(CompanyId company, long afterId, long upToId) {
        return jdbc.sql("select min(queued_at), max(queued_at) from contacts where company_id = ? and id > ? and id <= ?")
                .params(company.value(), afterId, upToId)
                .query((rs, i) -> new Instant[] {Db.instant(rs, 1), Db.instant(rs, 2)}).optional()
                .filter(range -> range[0] != null).orElse(null);
    }

    /** The next at most {@code size} contacts after {@code afterId}: (afterId, endId]. */
    public record Chunk(long endId, int size) {}

    /** The chunk of at most {@code size} contacts after {@code afterId}, or null when none are left. */
    public Chunk nextChunk(CompanyId company, long afterId, int size) {
        List<Long> ids = jdbc.sql("select id from contacts where company_id = ? and id > ? order by id limit ?")
                .params(company.value(), afterId, size).query(Long.class).list();
        return ids.isEmpty() ? null : new Chunk(ids.get(ids.size() - 1), ids.size());
    }

    public long countAfter(CompanyId company, long afterId) {
        return jdbc.sql("select count(*) from contacts where company_id = ? and id > ?")
                .params(company.value(), afterId).query(Long.class).single();
    }

    /** The most frequent values of each attribute in the company's recent contacts, to pick rule values from. */
    public Map<ContactAttribute, List<String>> seenValues(CompanyId company, Instant since, int perAttribute) {
        Map<ContactAttribute, List<String>> values = new LinkedHashMap<>();
        for (ContactAttribute attribute : ContactAttribute.values()) {
            String column = attribute.displayColumn();
            values.put(attribute, jdbc.sql("select " + column + " as v, count(*) as n from contacts "
                            + "where company_id = ? and queued_at >= ? and " + column + " is not null "
                            + "group by " + column + " order by count(*) desc, " + column + " limit ?")
                    .params(company.value(), Db.ts(since), perAttribute)
                    .query((rs, i) -> rs.getString("v")).list());
        }
        return values;
    }

    private int apply(CompanyId company, Classification classification, String scope, List<Object> scopeParams) {
        Sql path = pathCase(classification);
        Sql excluded = excludedCase(classification);
        List<Object> params = new ArrayList<>();
        params.addAll(path.params());
        params.addAll(excluded.params());
        params.add(company.value());
        params.addAll(scopeParams);
        params.addAll(path.params());
        params.addAll(excluded.params());
        String sql = "update contacts set queue_path = " + path.text() + ", excluded = " + excluded.text()
                + " where company_id = ? and " + scope
                + " and (queue_path is distinct from " + path.text() + " or excluded <> " + excluded.text() + ")";
        return jdbc.sql(sql).params(params).update();
    }

    record Sql(String text, List<Object> params) {}

    private static Sql pathCase(Classification c) {
        StringBuilder sql = new StringBuilder("(case");
        List<Object> params = new ArrayList<>();
        Sql global = anyOf(c.globalExclusions());
        sql.append(" when ").append(global.text()).append(" then cast(null as varchar(400))");
        params.addAll(global.params());
        for (Classification.Target t : c.targets()) {
            Sql match = allOf(t.ruleSets());
            sql.append(" when ").append(match.text()).append(" then '").append(QueuePath.encode(t.path())).append("'");
            params.addAll(match.params());
        }
        return new Sql(sql.append(" else cast(null as varchar(400)) end)").toString(), params);
    }

    private static Sql excludedCase(Classification c) {
        StringBuilder sql = new StringBuilder("(case");
        List<Object> params = new ArrayList<>();
        Sql global = anyOf(c.globalExclusions());
        sql.append(" when ").append(global.text()).append(" then true");
        params.addAll(global.params());
        for (Classification.Target t : c.targets()) {
            Sql match = allOf(t.ruleSets());
            Sql exclusion = anyOf(t.exclusions());
            sql.append(" when ").append(match.text()).append(" then ").append(exclusion.text());
            params.addAll(match.params());
            params.addAll(exclusion.params());
        }
        return new Sql(sql.append(" else false end)").toString(), params);
    }

    /** Rule sets that must all hold; see {@link Classification} for how rules within a set combine. */
    private static Sql allOf(List<List<ContactCriterion>> ruleSets) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (List<ContactCriterion> set : ruleSets) {
            Map<ContactAttribute, List<ContactCriterion>> byAttribute = set.stream()
                    .collect(Collectors.groupingBy(ContactCriterion::attribute, LinkedHashMap::new, Collectors.toList()));
            for (List<ContactCriterion> criteria : byAttribute.values()) {
                List<String> alternatives = new ArrayList<>();
                List<Object> alternativeParams = new ArrayList<>();
                for (ContactCriterion c : criteria) {
                    Sql test = test(c);
                    if (c.operator().negative()) {
                        parts.add(test.text());
                        params.addAll(test.params());
                    } else {
                        alternatives.add(test.text());
                        alternativeParams.addAll(test.params());
                    }
                }
                if (!alternatives.isEmpty()) {
                    parts.add("(" + String.join(" or ", alternatives) + ")");
                    params.addAll(alternativeParams);
                }
            }
        }
        return new Sql(parts.isEmpty() ? "(1 = 1)" : "(" + String.join(" and ", parts) + ")", params);
    }

    private static Sql anyOf(List<ContactCriterion> criteria) {
        if (criteria.isEmpty()) {
            return new Sql("(1 = 0)", List.of());
        }
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (ContactCriterion c : criteria) {
            Sql test = test(c);
            parts.add(test.text());
            params.addAll(test.params());
        }
        return new Sql("(" + String.join(" or ", parts) + ")", params);
    }

    /** One criterion over every column of its attribute; missing values never match, so is_not holds for them. */
    private static Sql test(ContactCriterion c) {
        String value = c.value().toLowerCase(Locale.ROOT);
        String comparison;
        Object param;
        switch (c.operator()) {
            case IS, IS_NOT -> { comparison = " = ?"; param = value; }
            case STARTS_WITH -> { comparison = " like ? escape '!'"; param = escapeLike(value) + "%"; }
            case CONTAINS -> { comparison = " like ? escape '!'"; param = "%" + escapeLike(value) + "%"; }
            case MATCHES -> { comparison = " like ? escape '!'"; param = escapeLike(value).replace("*", "%"); }
            default -> throw new IllegalStateException(c.operator().name());
        }
        List<String> columns = c.attribute().columns();
        List<Object> params = new ArrayList<>();
        String any = columns.stream().map(col -> {
            params.add(param);
            return "coalesce(lower(" + col + ")" + comparison + ", false)";
        }).collect(Collectors.joining(" or ", "(", ")"));
        return new Sql(c.operator().negative() ? "(not " + any + ")" : any, params);
    }

    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Contacts queued in [from, to) per queue path, channel and exclusion: the Queues and exclusions table. */
    public List<QueueCount> countByQueue(CompanyId company, Instant from, Instant to) {
        return jdbc.sql("""
                select queue_path, coalesce(channel, 'unknown') as ch, excluded, count(*) as n from contacts
                where company_id = ? and queued_at >= ? and queued_at < ?
                group by queue_path, coalesce(channel, 'unknown'), excluded""")
                .params(company.value(), Db.ts(from), Db.ts(to))
                .query((rs, i) -> new QueueCount(QueuePath.decode(rs.getString("queue_path")),
                        rs.getString("ch"), rs.getBoolean("excluded"), rs.getLong("n")))
                .list();
    }
}
