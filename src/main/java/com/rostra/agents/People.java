package com.rostra.agents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.ConflictException;
import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.NotFoundException;
import com.rostra.queues.QueueDeleted;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CompanyId;

/** The people a company plans for. Every statement is scoped to the company. */
@Service
public class People {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Queues queues;

    People(JdbcClient jdbc, Clock clock, Queues queues) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.queues = queues;
    }

    /** Queue ids people may be attached to. */
    Set<Long> knownQueueIds(CompanyId company) {
        return Set.copyOf(queues.queueIds(company));
    }

    /** A deleted queue no longer lists among anyone's queues. */
    @EventListener
    void onQueueDeleted(QueueDeleted deleted) {
        jdbc.sql("select id, queue_ids from people where company_id = ? and queue_ids is not null")
                .param(deleted.companyId().value())
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list()
                .forEach(row -> {
                    List<String> kept = java.util.Arrays.stream(((String) row[1]).split(","))
                            .filter(id -> !id.equals(String.valueOf(deleted.queueId()))).toList();
                    jdbc.sql("update people set queue_ids = ? where id = ?")
                            .params(kept.isEmpty() ? null : String.join(",", kept), row[0]).update();
                });
    }

    public List<Person> list(CompanyId company) {
        return jdbc.sql("select * from people where company_id = ? order by last_name, first_name, id")
                .param(company.value()).query((rs, i) -> map(rs)).list();
    }

    public Person get(CompanyId company, long id) {
        return jdbc.sql("select * from people where company_id = ? and id = ?").params(company.value(), id)
                .query((rs, i) -> map(rs)).optional().orElseThrow(() -> new NotFoundException("person"));
    }

    public Optional<Person> findByEmail(CompanyId company, String email) {
        return jdbc.sql("select * from people where company_id = ? and email = ?")
                .params(company.value(), email.strip().toLowerCase(Locale.ROOT)).query((rs, i) -> map(rs)).optional();
    }

    public Optional<Person> findByGladlyAgent(CompanyId company, String gladlyAgentId) {
        return jdbc.sql("select * from people where company_id = ? and gladly_agent_id = ?")
                .params(company.value(), gladlyAgentId).query((rs, i) -> map(rs)).optional();
    }

    @Transactional
    public Person create(CompanyId company, PersonInput input) {
        List<InvalidRequestException.FieldError> errors = input.validate(knownQueueIds(company));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        if (findByEmail(company, input.email()).isPresent()) {
            throw new ConflictException("a person with email " + input.normalizedEmail() + " already exists");
        }
        if (input.gladlyAgentId() != null && findByGladlyAgent(company, input.gladlyAgentId()).isPresent()) {
            throw new ConflictException("Gladly agent " + input.gladlyAgentId() + " is already a person");
        }
        long id = Db.insert(jdbc.sql("""
                insert into people (company_id, first_name, last_name, email, role, staffable, channels, queue_ids, team,
                    time_zone, gladly_agent_id, start_date, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(company.value(), input.firstName().strip(), input.lastName() == null ? "" : input.lastName().strip(),
                        input.normalizedEmail(), role(input.role()), input.staffable() == null || input.staffable(),
                        channels(input.channels()), queues(input.queueIds()), blankToNull(input.team()),
                        blankToNull(input.timeZone()), blankToNull(input.gladlyAgentId()), date(input.startDate()),
                        Db.ts(clock.instant().truncatedTo(ChronoUnit.MICROS))));
        return get(company, id);
    }

    /** Applies the non-null fields of {@code patch}. */
    @Transactional
    public Person update(CompanyId company, long id, PersonInput patch) {
        Person current = get(company, id);
        PersonInput merged = new PersonInput(
                patch.firstName() != null ? patch.firstName() : current.firstName(),
                patch.lastName() != null ? patch.lastName() : current.lastName(),
                patch.email() != null ? patch.email() : current.email(),
                patch.role() != null ? patch.role() : current.role(),
                patch.staffable() != null ? patch.staffable() : current.staffable(),
                patch.channels() != null ? patch.channels() : current.channels(),
                patch.queueIds() != null ? patch.queueIds() : current.queueIds(),
                patch.team() != null ? patch.team() : current.team(),
                patch.timeZone() != null ? patch.timeZone() : current.timeZone(),
                patch.gladlyAgentId() != null ? patch.gladlyAgentId() : current.gladlyAgentId(),
                patch.startDate() != null ? patch.startDate() : current.startDate() == null ? null : current.startDate().toString());
        List<InvalidRequestException.FieldError> errors = merged.validate(knownQueueIds(company));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        findByEmail(company, merged.email()).filter(p -> p.id() != id).ifPresent(p -> {
            throw new ConflictException("a person with email " + merged.normalizedEmail() + " already exists");
        });
        if (merged.gladlyAgentId() != null) {
            findByGladlyAgent(company, merged.gladlyAgentId()).filter(p -> p.id() != id).ifPresent(p -> {
                throw new ConflictException("Gladly agent " + merged.gladlyAgentId() + " is already a person");
            });
        }
        jdbc.sql("""
                update people set first_name = ?, last_name = ?, email = ?, role = ?, staffable = ?, channels = ?, queue_ids = ?,
                    team = ?, time_zone = ?, gladly_agent_id = ?, start_date = ?
                where company_id = ? and id = ?""")
                .params(merged.firstName().strip(), merged.lastName() == null ? "" : merged.lastName().strip(),
                        merged.normalizedEmail(), role(merged.role()), merged.staffable() == null || merged.staffable(),
                        channels(merged.channels()), queues(merged.queueIds()), blankToNull(merged.team()),
                        blankToNull(merged.timeZone()), blankToNull(merged.gladlyAgentId()), date(merged.startDate()),
                        company.value(), id)
                .update();
        return get(company, id);
    }

    @Transactional
    public void delete(CompanyId company, long id) {
        if (jdbc.sql("delete from people where company_id = ? and id = ?").params(company.value(), id).update() == 0) {
            throw new NotFoundException("person");
        }
    }

    private static String role(String role) {
        return PersonInput.blank(role) ? "agent" : role.strip().toLowerCase(Locale.ROOT);
    }

    private static String channels(List<String> channels) {
        return channels == null ? "" : String.join(",", channels.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).distinct().toList());
    }

    private static String queues(List<Long> queueIds) {
        return queueIds == null || queueIds.isEmpty() ? null : String.join(",", queueIds.stream().map(String::valueOf).toList());
    }

    private static LocalDate date(String value) {
        return PersonInput.blank(value) ? null : LocalDate.parse(value.strip());
    }

    private static String blankToNull(String s) {
        return PersonInput.blank(s) ? null : s.strip();
    }

    private static Person map(ResultSet rs) throws SQLException {
        String channels = rs.getString("channels");
        String queues = rs.getString("queue_ids");
        java.sql.Date start = rs.getDate("start_date");
        return new Person(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                rs.getString("role"), rs.getBoolean("staffable"),
                channels == null || channels.isBlank() ? List.of() : Arrays.asList(channels.split(",")),
                queues == null || queues.isBlank() ? List.of() : Arrays.stream(queues.split(",")).map(Long::valueOf).toList(),
                rs.getString("team"), rs.getString("time_zone"), rs.getString("gladly_agent_id"),
                start == null ? null : start.toLocalDate(), Db.instant(rs, "created_at"));
    }

}
