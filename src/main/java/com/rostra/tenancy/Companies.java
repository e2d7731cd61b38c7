package com.rostra.tenancy;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.NotFoundException;

/** Creates and reads companies (tenants). */
@Service
public class Companies {

    private final JdbcClient jdbc;
    private final ApiKeys apiKeys;
    private final Clock clock;

    Companies(JdbcClient jdbc, ApiKeys apiKeys, Clock clock) {
        this.jdbc = jdbc;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    public record CreatedCompany(Company company, ApiKeys.NewApiKey firstKey) {}

    @Transactional
    public CreatedCompany create(String name, String timeZone) {
        ZoneId zone = parseZone(timeZone);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = Db.insert(jdbc.sql("insert into companies (name, time_zone, created_at) values (?, ?, ?)")
                .params(name.strip(), zone.getId(), Db.ts(now)));
        Company company = new Company(new CompanyId(id), name.strip(), zone, now);
        return new CreatedCompany(company, apiKeys.create(company.id(), "Default key"));
    }

    public Company get(CompanyId id) {
        return find(id).orElseThrow(() -> new NotFoundException("company"));
    }

    public Optional<Company> find(CompanyId id) {
        return jdbc.sql("select id, name, time_zone, created_at from companies where id = ?")
                .param(id.value())
                .query((rs, i) -> new Company(new CompanyId(rs.getLong(1)), rs.getString(2),
                        ZoneId.of(rs.getString(3)), Db.instant(rs, 4)))
                .optional();
    }

    public Optional<Company> findByName(String name) {
        return jdbc.sql("select id from companies where name = ? order by id limit 1").param(name)
                .query(Long.class).optional().flatMap(id -> find(new CompanyId(id)));
    }

    public List<Company> all() {
        return jdbc.sql("select id from companies order by id").query(Long.class).list().stream()
                .map(id -> get(new CompanyId(id))).toList();
    }

    @Transactional
    public Company updateTimeZone(CompanyId id, String timeZone) {
        ZoneId zone = parseZone(timeZone);
        jdbc.sql("update companies set time_zone = ? where id = ?").params(zone.getId(), id.value()).update();
        return get(id);
    }

    static ZoneId parseZone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            ZoneId zone = ZoneId.of(timeZone.strip());
            if (!zone.getId().contains("/") && !zone.getId().equals("UTC")) {
                throw new DateTimeException("not a region id");
            }
            return zone;
        } catch (DateTimeException e) {
            throw new InvalidRequestException("time_zone", "'" + timeZone + "' is not an IANA time zone such as Europe/Berlin");
        }
    }
}
