package com.rostra.schedules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.agents.People;
import com.rostra.agents.Person;
import com.rostra.platform.ConflictException;
import com.rostra.platform.CsvUpload;
import com.rostra.platform.CsvUpload.RowError;
import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.platform.NotFoundException;
import com.rostra.platform.RequestTimes;
import com.rostra.tenancy.CompanyId;

/**
 * Scheduled activities. A person's activities never overlap (an overlapping one is refused with the one it
 * collides with), last at most 24 hours, and belong to the company's people and activity types.
 */
@Service
public class Activities {

    public static final String TEMPLATE = "person_email,activity_type,start,end\n"
            + "amy.agent@example.com,Phone,2026-01-05T09:00:00-05:00,2026-01-05T12:00:00-05:00\n"
            + "amy.agent@example.com,Lunch,2026-01-05T12:00:00-05:00,2026-01-05T12:30:00-05:00\n";

    public record ImportResult(int imported, List<RowError> errors) {}

    private record Planned(long personId, ActivityType type, Instant start, Instant end) {}

    private final JdbcClient jdbc;
    private final ActivityTypes types;
    private final People people;
    private final Clock clock;

    Activities(JdbcClient jdbc, ActivityTypes types, People people, Clock clock) {
        this.jdbc = jdbc;
        this.types = types;
        this.people = people;
        this.clock = clock;
    }

    public List<Activity> list(CompanyId company, Instant from, Instant to, Long personId) {
        return jdbc.sql("""
                select a.id, a.person_id, a.activity_type_id, t.name, t.category, a.start_at, a.end_at, a.locked
                from activities a join activity_types t on t.id = a.activity_type_id and t.company_id = a.company_id
                where a.company_id = ? and a.start_at < ? and a.end_at > ? and (? = 0 or a.person_id = ?)
                order by a.person_id, a.start_at""")
                .params(company.value(), Db.ts(to), Db.ts(from), personId == null ? 0 : personId, personId == null ? 0 : personId)
                .query((rs, i) -> new Activity(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        Db.instant(rs, 6), Db.instant(rs, 7), rs.getBoolean(8)))
                .list();
    }

    public Optional<Activity> find(CompanyId company, long id) {
        return jdbc.sql("select person_id, start_at, end_at from activities where company_id = ? and id = ?").params(company.value(), id)
                .query((rs, i) -> list(company, Db.instant(rs, 2), Db.instant(rs, 3), rs.getLong(1))).optional()
                .flatMap(l -> l.stream().filter(a -> a.id() == id).findFirst());
    }

    /**
     * Changes an activity: any of person, type, start and end (null keeps the value). The same checks as a new one:
     * 400 naming the field, 404 for another company's id, 409 when the result overlaps another activity of the person.
     */
    @Transactional
    public Activity update(CompanyId company, long id, Long personId, Long typeId, String start, String end) {
        Activity current = find(company, id).orElseThrow(() -> new NotFoundException("activity"));
        List<FieldError> errors = new ArrayList<>();
        long person = personId == null ? current.personId() : personId;
        if (personId != null && person(company, personId).isEmpty()) errors.add(new FieldError("person_id", "no person " + personId + " exists"));
        long type = typeId == null ? current.activityTypeId() : typeId;
        if (typeId != null && types.list(company).stream().noneMatch(t -> t.id() == typeId)) {
            errors.add(new FieldError("activity_type_id", "no activity type " + typeId + " exists"));
        }
        Instant from = start == null ? current.start() : RequestTimes.parse("start", start, errors);
        Instant to = end == null ? current.end() : RequestTimes.parse("end", end, errors);
        checkRange(from, to, "end", errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        list(company, from, to, person).stream().filter(a -> a.id() != id).findFirst().ifPresent(a -> {
            throw new ConflictException("overlaps " + a.activityType() + " from " + a.start() + " to " + a.end());
        });
        jdbc.sql("update activities set person_id = ?, activity_type_id = ?, start_at = ?, end_at = ?, updated_at = ? where company_id = ? and id = ?")
                .params(person, type, Db.ts(from), Db.ts(to), Db.ts(clock.instant()), company.value(), id).update();
        return find(company, id).orElseThrow();
    }

    /**
     * Locks (or unlocks) an activity together with the rest of its shift: the person's activities that touch it
     * end to start, directly or through each other (a generated shift's work, breaks and lunch). Returns them.
     */
    @Transactional
    public List<Activity> lock(CompanyId company, long id, boolean locked) {
        Activity a = find(company, id).orElseThrow(() -> new NotFoundException("activity"));
        List<Activity> around = list(company, a.start().minus(Duration.ofDays(1)), a.end().plus(Duration.ofDays(1)), a.personId());
        List<Activity> shift = shifts(around, Duration.ZERO).stream().filter(s -> s.stream().anyMatch(x -> x.id() == id))
                .findFirst().orElse(List.of(a));
        for (Activity x : shift) {
            jdbc.sql("update activities set locked = ? where company_id = ? and id = ?").params(locked, company.value(), x.id()).update();
        }
        Instant from = shift.get(0).start();
        Instant to = shift.get(shift.size() - 1).end();
        return list(company, from, to, a.personId()).stream().filter(x -> shift.stream().anyMatch(y -> y.id() == x.id())).toList();
    }

    /**
     * Ids of the activities overlapping [from, to) that were created or changed at or after {@code since}: for
     * publishing a generation without overwriting what people did by hand while it ran.
     */
    public java.util.Set<Long> changedSince(CompanyId company, Instant from, Instant to, Instant since) {
        return new java.util.HashSet<>(jdbc.sql("""
                select id from activities where company_id = ? and start_at < ? and end_at > ?
                  and (created_at >= ? or updated_at >= ?)""")
                .params(company.value(), Db.ts(to), Db.ts(from), Db.ts(since), Db.ts(since)).query(Long.class).list());
    }

    /** Removes the given activities of the company (those still there); for replacing generated shifts. */
    @Transactional
    public int deleteAll(CompanyId company, java.util.Collection<Long> ids) {
        int n = 0;
        for (Long id : ids) n += jdbc.sql("delete from activities where company_id = ? and id = ? and locked = false").params(company.value(), id).update();
        return n;
    }

    /**
     * One person's activities (sorted by start) grouped into shifts: an activity joins the shift before it when it
     * starts at most {@code join} after that shift's end.
     */
    public static List<List<Activity>> shifts(List<Activity> sorted, Duration join) {
        List<List<Activity>> result = new ArrayList<>();
        List<Activity> current = null;
        Instant end = null;
        for (Activity a : sorted.stream().sorted((x, y) -> x.start().compareTo(y.start())).toList()) {
            if (current == null || a.start().isAfter(end.plus(join))) {
                current = new ArrayList<>();
                result.add(current);
                end = a.end();
            } else if (a.end().isAfter(end)) {
                end = a.end();
            }
            current.add(a);
        }
        return result;
    }

    /** The activities of some people overlapping [from, to), in no particular order: for reads a chunk of people at a time. */
    public List<Activity> listFor(CompanyId company, Instant from, Instant to, java.util.Collection<Long> personIds) {
        if (personIds.isEmpty()) return List.of();
        return jdbc.sql("""
                select a.id, a.person_id, a.activity_type_id, t.name, t.category, a.start_at, a.end_at, a.locked
                from activities a join activity_types t on t.id = a.activity_type_id and t.company_id = a.company_id
                where a.company_id = :company and a.start_at < :to and a.end_at > :from and a.person_id in (:people)""")
                .param("company", company.value()).param("to", Db.ts(to)).param("from", Db.ts(from))
                .param("people", List.copyOf(personIds))
                .query((rs, i) -> new Activity(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        Db.instant(rs, 6), Db.instant(rs, 7), rs.getBoolean(8)))
                .list();
    }

    @Transactional
    public Activity create(CompanyId company, Long personId, Long typeId, String start, String end) {
        List<FieldError> errors = new ArrayList<>();
        if (personId == null) errors.add(new FieldError("person_id", "is required"));
        else if (person(company, personId).isEmpty()) errors.add(new FieldError("person_id", "no person " + personId + " exists"));
        ActivityType type = null;
        if (typeId == null) errors.add(new FieldError("activity_type_id", "is required"));
        else {
            type = types.list(company).stream().filter(t -> t.id() == typeId).findFirst().orElse(null);
            if (type == null) errors.add(new FieldError("activity_type_id", "no activity type " + typeId + " exists"));
        }
        Instant from = RequestTimes.parse("start", start, errors);
        Instant to = RequestTimes.parse("end", end, errors);
        if (start == null || start.isBlank()) errors.add(new FieldError("start", "is required"));
        if (end == null || end.isBlank()) errors.add(new FieldError("end", "is required"));
        checkRange(from, to, "end", errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        overlap(company, personId, from, to).ifPresent(a -> {
            throw new ConflictException("overlaps " + a.activityType() + " from " + a.start() + " to " + a.end());
        });
        long id = insert(company, new Planned(personId, type, from, to));
        return list(company, from, to, personId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void delete(CompanyId company, long id) {
        if (jdbc.sql("delete from activities where company_id = ? and id = ?").params(company.value(), id).update() == 0) {
            throw new NotFoundException("activity");
        }
    }

    /** Every row checked first; with errors nothing is written unless {@code partial}. */
    @Transactional
    public ImportResult importCsv(CompanyId company, String csv, boolean partial) {
        List<RowError> errors = new ArrayList<>();
        CsvUpload file;
        try {
            file = CsvUpload.read(csv);
        } catch (CsvUpload.Unreadable e) {
            return new ImportResult(0, List.of(e.error()));
        }
        if (!file.has("person_email") && !file.has("person_id")) errors.add(new RowError(1, "person_email", "missing column person_email (or person_id)"));
        for (String c : List.of("activity_type", "start", "end")) if (!file.has(c)) errors.add(new RowError(1, c, "missing column " + c));
        if (!errors.isEmpty()) return new ImportResult(0, errors);
        Map<String, ActivityType> typesByName = new HashMap<>();
        types.list(company).forEach(t -> typesByName.put(t.name().toLowerCase(Locale.ROOT), t));
        List<Planned> good = new ArrayList<>();
        List<Integer> goodRows = new ArrayList<>();
        for (CsvUpload.Row r : file.rows()) {
            int row = r.number();
            List<FieldError> rowErrors = new ArrayList<>();
            Long personId = null;
            String email = r.get("person_email");
            String idText = r.get("person_id");
            if (idText != null && !idText.isEmpty()) {
                try {
                    personId = person(company, Long.parseLong(idText)).map(Person::id).orElse(null);
                } catch (NumberFormatException e) {
                    // reported below
                }
                if (personId == null) rowErrors.add(new FieldError("person_id", "no person " + idText + " exists"));
            } else if (email != null && !email.isEmpty()) {
                personId = people.findByEmail(company, email).map(Person::id).orElse(null);
                if (personId == null) rowErrors.add(new FieldError("person_email", "no person with email " + email));
            } else {
                rowErrors.add(new FieldError("person_email", "is required"));
            }
            String typeName = r.get("activity_type");
            ActivityType type = typeName == null ? null : typesByName.get(typeName.toLowerCase(Locale.ROOT));
            if (type == null) rowErrors.add(new FieldError("activity_type", "'" + typeName + "' is not an activity type; known: "
                    + String.join(", ", typesByName.values().stream().map(ActivityType::name).sorted().toList())));
            Instant from = RequestTimes.parse("start", r.get("start"), rowErrors);
            Instant to = RequestTimes.parse("end", r.get("end"), rowErrors);
            if (from == null && rowErrors.stream().noneMatch(e -> e.field().equals("start"))) rowErrors.add(new FieldError("start", "is required"));
            if (to == null && rowErrors.stream().noneMatch(e -> e.field().equals("end"))) rowErrors.add(new FieldError("end", "is required"));
            checkRange(from, to, "end", rowErrors);
            if (rowErrors.isEmpty()) {
                Planned p = new Planned(personId, type, from, to);
                Optional<Activity> stored = overlap(company, personId, from, to);
                int clash = -1;
                for (int i = 0; i < good.size() && clash < 0; i++) {
                    Planned o = good.get(i);
                    if (o.personId() == p.personId() && o.start().isBefore(p.end()) && p.start().isBefore(o.end())) clash = goodRows.get(i);
                }
                if (stored.isPresent()) rowErrors.add(new FieldError("start", "overlaps the scheduled " + stored.get().activityType()
                        + " from " + stored.get().start() + " to " + stored.get().end()));
                else if (clash > 0) rowErrors.add(new FieldError("start", "overlaps row " + clash));
                else {
                    good.add(p);
                    goodRows.add(row);
                }
            }
            rowErrors.forEach(e -> errors.add(new RowError(row, e.field(), e.message())));
        }
        if (!errors.isEmpty() && !partial) return new ImportResult(0, errors);
        good.forEach(p -> insert(company, p));
        return new ImportResult(good.size(), errors);
    }

    /** One block to write in {@link #createAll}. */
    public record NewActivity(long personId, long activityTypeId, Instant start, Instant end) {}

    /**
     * Writes many activities at once, all or nothing: every person and type must be the company's, each block at most
     * 24 hours, and none may overlap a stored activity or another of the batch (409 naming the first clash).
     */
    @Transactional
    public int createAll(CompanyId company, List<NewActivity> batch) {
        if (batch.isEmpty()) return 0;
        java.util.Set<Long> personIds = new java.util.HashSet<>();
        people.list(company).forEach(p -> personIds.add(p.id()));
        Map<Long, ActivityType> typesById = new HashMap<>();
        types.list(company).forEach(t -> typesById.put(t.id(), t));
        Instant from = batch.stream().map(NewActivity::start).min(Instant::compareTo).orElseThrow();
        Instant to = batch.stream().map(NewActivity::end).max(Instant::compareTo).orElseThrow();
        Map<Long, List<Activity>> stored = new HashMap<>();
        list(company, from, to, null).forEach(a -> stored.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a));
        Map<Long, List<NewActivity>> accepted = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        for (NewActivity n : batch) {
            if (!personIds.contains(n.personId())) throw new NotFoundException("person " + n.personId());
            ActivityType type = typesById.get(n.activityTypeId());
            if (type == null) throw new NotFoundException("activity type " + n.activityTypeId());
            List<FieldError> errors = new ArrayList<>();
            checkRange(n.start(), n.end(), "end", errors);
            if (!errors.isEmpty()) throw new InvalidRequestException(errors);
            for (Activity a : stored.getOrDefault(n.personId(), List.of())) {
                if (a.start().isBefore(n.end()) && n.start().isBefore(a.end())) {
                    throw new ConflictException("person " + n.personId() + ": " + n.start() + "–" + n.end() + " overlaps the scheduled "
                            + a.activityType() + " from " + a.start() + " to " + a.end());
                }
            }
            for (NewActivity o : accepted.getOrDefault(n.personId(), List.of())) {
                if (o.start().isBefore(n.end()) && n.start().isBefore(o.end())) {
                    throw new ConflictException("person " + n.personId() + ": two blocks overlap at " + n.start());
                }
            }
            accepted.computeIfAbsent(n.personId(), k -> new ArrayList<>()).add(n);
            planned.add(new Planned(n.personId(), type, n.start(), n.end()));
        }
        planned.forEach(p -> insert(company, p));
        return planned.size();
    }

    /** People with a productive activity on the channel (or on any channel) at the middle of each interval. */
    public int[] scheduledAgents(CompanyId company, String channel, List<Instant> intervalStarts, Duration interval) {
        int[] counts = new int[intervalStarts.size()];
        if (intervalStarts.isEmpty()) return counts;
        Instant from = intervalStarts.get(0);
        Instant to = intervalStarts.get(intervalStarts.size() - 1).plus(interval);
        List<ProductiveBlock> blocks = productiveBlocks(company, channel, from, to);
        for (int i = 0; i < counts.length; i++) {
            Instant middle = intervalStarts.get(i).plus(interval.dividedBy(2));
            for (ProductiveBlock b : blocks) if (b.covers(middle)) counts[i]++;
        }
        return counts;
    }

    /** A productive activity on a channel: who works it, when. */
    public record ProductiveBlock(long personId, Instant start, Instant end) {
        public boolean covers(Instant t) {
            return !start.isAfter(t) && end.isAfter(t);
        }
    }

    /** Productive activities on the channel (or on any channel) overlapping [from, to). */
    public List<ProductiveBlock> productiveBlocks(CompanyId company, String channel, Instant from, Instant to) {
        return jdbc.sql("""
                select a.person_id, a.start_at, a.end_at from activities a join activity_types t on t.id = a.activity_type_id
                where a.company_id = ? and a.start_at < ? and a.end_at > ? and t.productive = true
                  and (t.channel is null or t.channel = ?)""")
                .params(company.value(), Db.ts(to), Db.ts(from), channel)
                .query((rs, i) -> new ProductiveBlock(rs.getLong(1), Db.instant(rs, 2), Db.instant(rs, 3))).list();
    }

    private Optional<Person> person(CompanyId company, long id) {
        try {
            return Optional.of(people.get(company, id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<Activity> overlap(CompanyId company, long personId, Instant from, Instant to) {
        return list(company, from, to, personId).stream().findFirst();
    }

    private static void checkRange(Instant from, Instant to, String field, List<FieldError> errors) {
        if (from != null && to != null) {
            if (!to.isAfter(from)) errors.add(new FieldError(field, "must be after start"));
            else if (Duration.between(from, to).compareTo(Duration.ofHours(24)) > 0) errors.add(new FieldError(field, "an activity lasts at most 24 hours"));
        }
    }

    private long insert(CompanyId company, Planned p) {
        return Db.insert(jdbc.sql("""
                insert into activities (company_id, person_id, activity_type_id, start_at, end_at, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(company.value(), p.personId(), p.type().id(), Db.ts(p.start()), Db.ts(p.end()), Db.ts(clock.instant())));
    }
}
