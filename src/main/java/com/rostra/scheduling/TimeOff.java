package com.rostra.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.agents.People;
import com.rostra.platform.ConflictException;
import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.platform.NotFoundException;
import com.rostra.platform.RequestTimes;
import com.rostra.tenancy.CompanyId;

/** Time off requests: requested, then approved or denied once. Approved time off blocks schedule generation. */
@Service
public class TimeOff {

    public record Request(long id, long personId, Instant start, Instant end, String note, String status, Instant createdAt,
                          Instant decidedAt) {}

    private final JdbcClient jdbc;
    private final People people;
    private final Clock clock;

    TimeOff(JdbcClient jdbc, People people, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    public Request create(CompanyId company, Long personId, String start, String end, String note) {
        List<FieldError> errors = new ArrayList<>();
        if (personId == null) errors.add(new FieldError("person_id", "is required"));
        else if (people.list(company).stream().noneMatch(p -> p.id() == personId)) errors.add(new FieldError("person_id", "no person " + personId + " exists"));
        if (start == null || start.isBlank()) errors.add(new FieldError("start", "is required"));
        if (end == null || end.isBlank()) errors.add(new FieldError("end", "is required"));
        Instant from = RequestTimes.parse("start", start, errors);
        Instant to = RequestTimes.parse("end", end, errors);
        if (from != null && to != null) {
            if (!to.isAfter(from)) errors.add(new FieldError("end", "must be after start"));
            else if (Duration.between(from, to).toDays() > 366) errors.add(new FieldError("end", "time off lasts at most 366 days"));
        }
        if (note != null && note.length() > 500) errors.add(new FieldError("note", "at most 500 characters"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        long id = Db.insert(jdbc.sql("""
                insert into time_off (company_id, person_id, start_at, end_at, note, status, created_at)
                values (?, ?, ?, ?, ?, 'requested', ?)""")
                .params(company.value(), personId, Db.ts(from), Db.ts(to), note == null || note.isBlank() ? null : note.strip(),
                        Db.ts(clock.instant())));
        return get(company, id);
    }

    public Request get(CompanyId company, long id) {
        return jdbc.sql("select * from time_off where company_id = ? and id = ?").params(company.value(), id)
                .query((rs, i) -> map(rs)).optional().orElseThrow(() -> new NotFoundException("time off"));
    }

    /** Requests overlapping [from, to) (either bound optional), of one person or everyone. */
    public List<Request> list(CompanyId company, Instant from, Instant to, Long personId, String status) {
        return jdbc.sql("""
                select * from time_off where company_id = ? and (? = 0 or person_id = ?) and end_at > ? and start_at < ?
                  and (? = '' or status = ?)
                order by start_at, id""")
                .params(company.value(), personId == null ? 0 : personId, personId == null ? 0 : personId,
                        Db.ts(from == null ? Instant.EPOCH : from), Db.ts(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to),
                        status == null ? "" : status, status == null ? "" : status)
                .query((rs, i) -> map(rs)).list();
    }

    /** {@code approved} or {@code denied}; a request is decided once (409 after). */
    @Transactional
    public Request decide(CompanyId company, long id, String status) {
        Request current = get(company, id);
        if (!current.status().equals("requested")) throw new ConflictException("this time off was already " + current.status());
        jdbc.sql("update time_off set status = ?, decided_at = ? where company_id = ? and id = ? and status = 'requested'")
                .params(status, Db.ts(clock.instant()), company.value(), id).update();
        return get(company, id);
    }

    private static Request map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Request(rs.getLong("id"), rs.getLong("person_id"), Db.instant(rs, "start_at"), Db.instant(rs, "end_at"),
                rs.getString("note"), rs.getString("status"), Db.instant(rs, "created_at"), Db.instant(rs, "decided_at"));
    }
}
