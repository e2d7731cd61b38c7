package com.rostra.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.agents.People;
import com.rostra.agents.Person;
import com.rostra.platform.ConflictException;
import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.platform.NotFoundException;
import com.rostra.platform.RequestTimes;
import com.rostra.queues.Queues;
import com.rostra.schedules.Activities;
import com.rostra.schedules.Activity;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.json.JsonMapper;

/** Schedule generations: requested, queued as a db-scheduler job, solved by {@link GenerationRunner}, published. */
@Service
public class Generations {

    /**
     * {@code keepPublished}: true keeps every published shift in the horizon; left out or false keeps only locked
     * shifts (and hand-placed meetings, training, time off), so the other published shifts may be replaced on publish.
     */
    public record Request(String start, String end, List<Long> queueIds, List<Long> personIds, Integer timeLimitSeconds,
                          Boolean keepPublished, Boolean skillSwitch) {
        public Request(String start, String end, List<Long> queueIds, List<Long> personIds, Integer timeLimitSeconds) {
            this(start, end, queueIds, personIds, timeLimitSeconds, null, null);
        }
    }

    static final int DEFAULT_TIME_LIMIT = 60;
    static final int MAX_TIME_LIMIT = 600;
    static final int MAX_DAYS = 28;

    /** The stored row, before its result is read. */
    record Row(long id, CompanyId company, String status, Instant start, Instant end, List<Long> queueIds, List<Long> personIds,
               int timeLimitSeconds, String score, Integer hardViolations, String result, String error, Instant createdAt,
               Instant updatedAt, Instant publishedAt, boolean keepPublished, boolean skillSwitch, Instant startedAt) {}

    private final JdbcClient jdbc;
    private final Companies companies;
    private final Queues queues;
    private final People people;
    private final Activities activities;
    private final GenerationScheduling.Launcher launcher;
    private final JsonMapper json;
    private final Clock clock;

    Generations(JdbcClient jdbc, Companies companies, Queues queues, People people, Activities activities,
                GenerationScheduling.Launcher launcher, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.queues = queues;
        this.people = people;
        this.activities = activities;
        this.launcher = launcher;
        this.json = json;
        this.clock = clock;
    }

    public Generation create(CompanyId company, Request in) {
        ZoneId zone = companies.get(company).timeZone();
        List<FieldError> errors = new ArrayList<>();
        Instant start = time("start", in == null ? null : in.start(), zone, errors);
        Instant end = time("end", in == null ? null : in.end(), zone, errors);
        if (start != null && end != null) {
            if (!end.isAfter(start)) errors.add(new FieldError("end", "must be after start"));
            else if (Duration.between(start, end).toDays() > MAX_DAYS) errors.add(new FieldError("end", "at most " + MAX_DAYS + " days after start"));
        }
        List<Long> queueIds = in == null || in.queueIds() == null ? List.of() : in.queueIds().stream().distinct().toList();
        Set<Long> known = new HashSet<>(queues.queueIds(company));
        for (Long q : queueIds) if (q == null || !known.contains(q)) errors.add(new FieldError("queue_ids", "unknown queue " + q));
        List<Long> personIds = in == null || in.personIds() == null ? List.of() : in.personIds().stream().distinct().toList();
        Set<Long> persons = new HashSet<>(people.list(company).stream().map(Person::id).toList());
        for (Long p : personIds) if (p == null || !persons.contains(p)) errors.add(new FieldError("person_ids", "unknown person " + p));
        if (in != null && in.personIds() != null && in.personIds().isEmpty()) errors.add(new FieldError("person_ids", "leave it out for everyone, or name at least one person"));
        int limit = in == null || in.timeLimitSeconds() == null ? DEFAULT_TIME_LIMIT : in.timeLimitSeconds();
        if (limit < 1 || limit > MAX_TIME_LIMIT) errors.add(new FieldError("time_limit_seconds", "must be 1 to " + MAX_TIME_LIMIT));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Instant now = clock.instant();
        long id = Db.insert(jdbc.sql("""
                insert into schedule_generations (company_id, status, start_at, end_at, queue_ids, person_ids, time_limit_seconds,
                    created_at, updated_at, keep_published, skill_switch) values (?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(company.value(), Db.ts(start), Db.ts(end), ids(queueIds), ids(personIds), limit, Db.ts(now), Db.ts(now),
                        in != null && Boolean.TRUE.equals(in.keepPublished()), in != null && Boolean.TRUE.equals(in.skillSwitch())));
        launcher.launch(id);
        return get(company, id);
    }

    public Generation get(CompanyId company, long id) {
        return view(row(company, id));
    }

    /** Stops a queued or solving generation; a solving one keeps its best schedule so far (publishable). 409 when finished. */
    public Generation cancel(CompanyId company, long id) {
        Row row = row(company, id);
        if (!row.status().equals("queued") && !row.status().equals("solving")) {
            throw new ConflictException("generation " + id + " is already " + row.status());
        }
        jdbc.sql("update schedule_generations set status = 'cancelled', updated_at = ? where company_id = ? and id = ? and status in ('queued', 'solving')")
                .params(Db.ts(clock.instant()), company.value(), id).update();
        launcher.stop(id);
        return get(company, id);
    }

    /**
     * Writes every shift's blocks as activities in one transaction, after removing the unlocked published shifts the
     * generation replaces. A shift changed or created by hand since the generation started (or locked since) is treated
     * as locked: its replaced activities stay, and the generated shifts of that person that overlap it or start on its
     * day are left out (the generator would have planned around it). Nothing is written (or removed) if any block
     * would still overlap (409).
     */
    @Transactional
    public Generation publish(CompanyId company, long id) {
        Row row = row(company, id);
        if (row.publishedAt() != null) throw new ConflictException("generation " + id + " was already published at " + row.publishedAt());
        if (row.result() == null) throw new ConflictException("generation " + id + " is " + row.status() + ": there is no schedule to publish yet");
        if (row.hardViolations() != null && row.hardViolations() > 0) {
            throw new ConflictException("generation " + id + " breaks " + row.hardViolations() + " hard rule(s); generate again");
        }
        GenerationResult result = json.readValue(row.result(), GenerationResult.class);
        ZoneId zone = companies.get(company).timeZone();
        HandKept hand = handKept(company, row, result, zone);
        List<Activities.NewActivity> batch = new ArrayList<>();
        int skipped = 0;
        for (GenerationResult.Shift s : result.shifts()) {
            if (hand.clashes(s.personId(), s.start(), s.end(), zone)) {
                skipped++;
                continue;
            }
            for (GenerationResult.ShiftActivity a : s.activities()) {
                batch.add(new Activities.NewActivity(s.personId(), a.activityTypeId(), a.start(), a.end()));
            }
        }
        int updated = jdbc.sql("update schedule_generations set published_at = ?, updated_at = ? where company_id = ? and id = ? and published_at is null")
                .params(Db.ts(clock.instant()), Db.ts(clock.instant()), company.value(), id).update();
        if (updated == 0) throw new ConflictException("generation " + id + " was already published");
        List<Long> replaced = result.replacedActivityIds() == null ? List.of()
                : result.replacedActivityIds().stream().filter(a -> !hand.activityIds().contains(a)).toList();
        int removed = activities.deleteAll(company, replaced);
        int created = activities.createAll(company, batch);
        List<Long> keptIds = result.replacedActivityIds() == null ? List.of()
                : result.replacedActivityIds().stream().filter(hand.activityIds()::contains).sorted().toList();
        GenerationResult.Publication publication = new GenerationResult.Publication(created, removed,
                (int) hand.shifts().stream().filter(HandKept.Shift::replaced).count(),
                keptIds, skipped);
        jdbc.sql("update schedule_generations set result = ? where company_id = ? and id = ?")
                .params(json.writeValueAsString(result.withPublication(publication)), company.value(), id).update();
        return get(company, id);
    }

    /**
     * The shifts of the generation's people, around its horizon, that were touched by hand since it started: one of
     * their activities was created or changed since, or one of the activities it would replace was locked since.
     */
    private HandKept handKept(CompanyId company, Row row, GenerationResult result, ZoneId zone) {
        Instant since = row.startedAt() != null ? row.startedAt() : row.createdAt();
        Instant from = row.start().minus(Duration.ofDays(1));
        Instant to = row.end().plus(Duration.ofDays(1));
        Set<Long> replaced = new HashSet<>(result.replacedActivityIds() == null ? List.of() : result.replacedActivityIds());
        Set<Long> changed = activities.changedSince(company, from, to, since);
        List<Activity> around = activities.list(company, from, to, null);
        Map<Long, List<Activity>> byPerson = new HashMap<>();
        around.forEach(a -> byPerson.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a));
        List<HandKept.Shift> shifts = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (var e : byPerson.entrySet()) {
            for (List<Activity> shift : Activities.shifts(e.getValue(), ContractWarnings.SHIFT_GAP)) {
                boolean touched = shift.stream().anyMatch(a -> changed.contains(a.id()) || (a.locked() && replaced.contains(a.id())));
                if (!touched) continue;
                Instant a = shift.get(0).start();
                Instant b = shift.stream().map(Activity::end).max(Instant::compareTo).orElseThrow();
                shifts.add(new HandKept.Shift(e.getKey(), a, b, shift.stream().anyMatch(x -> replaced.contains(x.id()))));
                shift.forEach(x -> ids.add(x.id()));
            }
        }
        return new HandKept(shifts, ids);
    }

    /** Shifts touched by hand since a generation started, and their activity ids. */
    record HandKept(List<Shift> shifts, Set<Long> activityIds) {
        /** {@code replaced}: the generation meant to replace (some of) it. */
        record Shift(long personId, Instant start, Instant end, boolean replaced) {}

        /** A generated shift of the person that overlaps a hand-kept shift or starts on its local day gives way to it. */
        boolean clashes(long personId, Instant start, Instant end, ZoneId zone) {
            LocalDate day = LocalDate.ofInstant(start, zone);
            return shifts.stream().anyMatch(s -> s.personId() == personId && ((s.start().isBefore(end) && start.isBefore(s.end()))
                    || LocalDate.ofInstant(s.start(), zone).equals(day)));
        }
    }

    Row row(CompanyId company, long id) {
        return jdbc.sql("select * from schedule_generations where company_id = ? and id = ?").params(company.value(), id)
                .query((rs, i) -> map(rs)).optional().orElseThrow(() -> new NotFoundException("schedule generation"));
    }

    /** For the job, which knows only the id. */
    java.util.Optional<Row> row(long id) {
        return jdbc.sql("select * from schedule_generations where id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    private Generation view(Row r) {
        GenerationResult result = r.result() == null ? null : json.readValue(r.result(), GenerationResult.class);
        return new Generation(r.id(), r.status(), r.start(), r.end(), r.queueIds(), r.personIds(), r.timeLimitSeconds(), r.score(),
                r.hardViolations(), r.error(), result == null ? null : result.coverage(), result == null ? List.of() : result.shifts(),
                result == null || result.constraints() == null ? List.of() : result.constraints(),
                r.createdAt(), r.updatedAt(), r.publishedAt(), r.keepPublished(), r.skillSwitch(),
                result == null || result.replacedActivityIds() == null ? List.of() : result.replacedActivityIds(),
                result == null ? null : result.publication());
    }

    private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), new CompanyId(rs.getLong("company_id")), rs.getString("status"), Db.instant(rs, "start_at"),
                Db.instant(rs, "end_at"), parseIds(rs.getString("queue_ids")), parseIds(rs.getString("person_ids")),
                rs.getInt("time_limit_seconds"), rs.getString("score"), (Integer) rs.getObject("hard_violations", Integer.class),
                rs.getString("result"), rs.getString("error"), Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"),
                Db.instant(rs, "published_at"), rs.getBoolean("keep_published"), rs.getBoolean("skill_switch"),
                Db.instant(rs, "started_at"));
    }

    private static String ids(List<Long> ids) {
        return ids.isEmpty() ? null : String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static List<Long> parseIds(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }

    /** A required time ({@link RequestTimes}: a bare date is the company's local midnight) on a quarter hour. */
    static Instant time(String field, String value, ZoneId zone, List<FieldError> errors) {
        Instant t = RequestTimes.required(field, value, zone, errors);
        if (t == null) return null;
        if (t.getEpochSecond() % 900 != 0 || t.getNano() != 0) {
            errors.add(new FieldError(field, "must fall on a quarter hour"));
            return null;
        }
        return t;
    }
}
