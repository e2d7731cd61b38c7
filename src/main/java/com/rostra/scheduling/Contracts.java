package com.rostra.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.agents.People;
import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.tenancy.CompanyId;

/** Each person's contract and weekly availability, kept in scheduling's own tables keyed by company and person. */
@Service
public class Contracts {

    /** A weekly window in the person's company's local time; {@code end} at or before {@code start} runs past midnight. */
    public record Window(String dayOfWeek, String start, String end, Boolean preferred) {
        public Window(String dayOfWeek, String start, String end) {
            this(dayOfWeek, start, end, null);
        }
    }

    /** A person's contract and availability (no windows: available at any time). */
    public record Terms(long personId, Contract contract, List<Window> availability) {}

    public record TermsInput(Contract contract, List<Window> availability) {}

    /** A window in minutes: day of week, start minute, end minute (above 1440 past midnight). */
    public record Minutes(DayOfWeek day, int start, int end, boolean preferred) {}

    private final JdbcClient jdbc;
    private final People people;
    private final Clock clock;

    Contracts(JdbcClient jdbc, People people, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
    }

    public Terms get(CompanyId company, long personId) {
        people.get(company, personId);
        return new Terms(personId, contract(company, personId), windows(company, personId).stream().map(Contracts::window).toList());
    }

    /** Problems with {@code input} for a person whose current contract is {@code current}, each naming its field. */
    static List<FieldError> problems(Contract current, TermsInput input) {
        return new Checked(current, input).errors;
    }

    private static final class Checked {
        final Contract contract;
        final List<FieldError> errors = new ArrayList<>();
        final List<Minutes> windows = new ArrayList<>();

        Checked(Contract current, TermsInput input) {
            contract = current.merge(input == null ? null : input.contract());
            errors.addAll(contract.validate());
            if (input != null && input.availability() != null) {
                if (input.availability().size() > 50) errors.add(new FieldError("availability", "at most 50 windows"));
                for (int i = 0; i < input.availability().size(); i++) {
                    Window w = input.availability().get(i);
                    String field = "availability[" + i + "]";
                    DayOfWeek day = w == null ? null : day(w.dayOfWeek());
                    if (day == null) errors.add(new FieldError(field + ".day_of_week", "must be monday to sunday (or 1 to 7, Monday = 1)"));
                    Integer start = w == null ? null : ShiftRules.minute(w.start(), false);
                    Integer end = w == null ? null : ShiftRules.minute(w.end(), true);
                    if (start == null) errors.add(new FieldError(field + ".start", "must be a local time like 09:00 on a quarter hour"));
                    if (end == null) errors.add(new FieldError(field + ".end", "must be a local time like 17:00 (or 24:00) on a quarter hour"));
                    if (day != null && start != null && end != null) windows.add(new Minutes(day, start, end <= start ? end + 1440 : end, Boolean.TRUE.equals(w.preferred())));
                }
            }
        }
    }

    /** Replaces what the input gives (contract fields merge; availability, when given, is replaced whole). */
    @Transactional
    public Terms save(CompanyId company, long personId, TermsInput input) {
        people.get(company, personId);
        Checked checked = new Checked(contract(company, personId), input);
        List<FieldError> errors = checked.errors;
        Contract contract = checked.contract;
        List<Minutes> windows = checked.windows;
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        jdbc.sql("delete from person_contracts where company_id = ? and person_id = ?").params(company.value(), personId).update();
        jdbc.sql("""
                insert into person_contracts (company_id, person_id, min_hours_per_week, max_hours_per_week, max_days_per_week,
                    min_rest_hours, updated_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(company.value(), personId, contract.minHoursPerWeek(), contract.maxHoursPerWeek(), contract.maxDaysPerWeek(),
                        contract.minRestHours() == null ? -1 : contract.minRestHours(), Db.ts(clock.instant())).update();
        if (input != null && input.availability() != null) {
            jdbc.sql("delete from person_availability where company_id = ? and person_id = ?").params(company.value(), personId).update();
            for (Minutes m : windows) {
                jdbc.sql("insert into person_availability (company_id, person_id, day_of_week, start_minute, end_minute, preferred) values (?, ?, ?, ?, ?, ?)")
                        .params(company.value(), personId, m.day().getValue(), m.start(), m.end(), m.preferred()).update();
            }
        }
        return get(company, personId);
    }

    public Contract contract(CompanyId company, long personId) {
        return jdbc.sql("select * from person_contracts where company_id = ? and person_id = ?").params(company.value(), personId)
                .query((rs, i) -> new Contract(rs.getInt("min_hours_per_week"), rs.getInt("max_hours_per_week"),
                        rs.getInt("max_days_per_week"), rs.getInt("min_rest_hours") < 0 ? null : rs.getInt("min_rest_hours")))
                .optional().orElse(Contract.DEFAULT);
    }

    public List<Minutes> windows(CompanyId company, long personId) {
        return jdbc.sql("select * from person_availability where company_id = ? and person_id = ? order by day_of_week, start_minute")
                .params(company.value(), personId)
                .query((rs, i) -> new Minutes(DayOfWeek.of(rs.getInt("day_of_week")), rs.getInt("start_minute"), rs.getInt("end_minute"), rs.getBoolean("preferred")))
                .list();
    }

    /** Contracts of many people at once (people without one get the default). */
    public Map<Long, Contract> contracts(CompanyId company, Collection<Long> personIds) {
        Map<Long, Contract> result = new HashMap<>();
        jdbc.sql("select * from person_contracts where company_id = ?").param(company.value())
                .query((rs, i) -> Map.entry(rs.getLong("person_id"), new Contract(rs.getInt("min_hours_per_week"), rs.getInt("max_hours_per_week"),
                        rs.getInt("max_days_per_week"), rs.getInt("min_rest_hours") < 0 ? null : rs.getInt("min_rest_hours"))))
                .list().forEach(e -> result.put(e.getKey(), e.getValue()));
        Map<Long, Contract> wanted = new HashMap<>();
        for (Long id : personIds) wanted.put(id, result.getOrDefault(id, Contract.DEFAULT));
        return wanted;
    }

    public Map<Long, List<Minutes>> windows(CompanyId company) {
        Map<Long, List<Minutes>> result = new HashMap<>();
        jdbc.sql("select * from person_availability where company_id = ? order by person_id, day_of_week, start_minute").param(company.value())
                .query((rs, i) -> Map.entry(rs.getLong("person_id"),
                        new Minutes(DayOfWeek.of(rs.getInt("day_of_week")), rs.getInt("start_minute"), rs.getInt("end_minute"), rs.getBoolean("preferred"))))
                .list().forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return result;
    }

    private static Window window(Minutes m) {
        return new Window(m.day().name().toLowerCase(Locale.ROOT), time(m.start()), time(m.end() % 1440 == 0 && m.end() > 0 ? 1440 : m.end() % 1440), m.preferred());
    }

    private static String time(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    static DayOfWeek day(String value) {
        if (value == null) return null;
        String v = value.strip().toUpperCase(Locale.ROOT);
        try {
            int n = Integer.parseInt(v);
            return n >= 1 && n <= 7 ? DayOfWeek.of(n) : null;
        } catch (NumberFormatException e) {
            for (DayOfWeek d : DayOfWeek.values()) if (d.name().equals(v) || d.name().substring(0, 3).equals(v)) return d;
            return null;
        }
    }
}
