package com.rostra.tenancy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;

/** Reads and replaces a company's business hours and holidays. */
@Service
public class BusinessHours {

    public record Day(String day, String open, String close) {}

    public record Holiday(String date, String name) {}

    public record Settings(boolean enabled, List<Day> weekly, List<Holiday> holidays) {}

    private final JdbcClient jdbc;
    private final Companies companies;

    BusinessHours(JdbcClient jdbc, Companies companies) {
        this.jdbc = jdbc;
        this.companies = companies;
    }

    public Settings get(CompanyId company) {
        boolean enabled = jdbc.sql("select business_hours_enabled from companies where id = ?").param(company.value())
                .query(Boolean.class).single();
        List<Day> weekly = jdbc.sql("select day_of_week, opens_at, closes_at from business_hours where company_id = ? order by day_of_week, opens_at")
                .param(company.value())
                .query((rs, i) -> new Day(DayOfWeek.of(rs.getInt(1)).name().toLowerCase(Locale.ROOT),
                        rs.getObject(2, LocalTime.class).toString(), rs.getObject(3, LocalTime.class).toString()))
                .list();
        List<Holiday> holidays = jdbc.sql("select holiday_date, name from business_holidays where company_id = ? order by holiday_date")
                .param(company.value())
                .query((rs, i) -> new Holiday(rs.getObject(1, LocalDate.class).toString(), rs.getString(2))).list();
        return new Settings(enabled, weekly, holidays);
    }

    /** The calendar to measure business time with, or empty when the company counts every hour. */
    public Optional<BusinessCalendar> calendar(CompanyId company) {
        Settings s = get(company);
        if (!s.enabled()) {
            return Optional.empty();
        }
        Map<DayOfWeek, List<BusinessCalendar.Window>> weekly = new EnumMap<>(DayOfWeek.class);
        for (Day d : s.weekly()) {
            weekly.computeIfAbsent(DayOfWeek.valueOf(d.day().toUpperCase(Locale.ROOT)), k -> new ArrayList<>())
                    .add(new BusinessCalendar.Window(LocalTime.parse(d.open()), LocalTime.parse(d.close())));
        }
        Set<LocalDate> holidays = new HashSet<>();
        s.holidays().forEach(h -> holidays.add(LocalDate.parse(h.date())));
        return Optional.of(new BusinessCalendar(companies.get(company).timeZone(), weekly, holidays));
    }

    @Transactional
    public Settings replace(CompanyId company, Settings settings) {
        List<FieldError> errors = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Day> weekly = settings.weekly() == null ? List.of() : settings.weekly();
        for (int i = 0; i < weekly.size(); i++) {
            Day d = weekly.get(i);
            DayOfWeek day = null;
            try {
                day = DayOfWeek.valueOf(String.valueOf(d.day()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("weekly[" + i + "].day", "must be monday … sunday"));
            }
            LocalTime open = time(d.open(), "weekly[" + i + "].open", errors);
            LocalTime close = time(d.close(), "weekly[" + i + "].close", errors);
            if (open != null && close != null && !open.isBefore(close)) {
                errors.add(new FieldError("weekly[" + i + "].close", "must be after open (" + d.open() + ")"));
            }
            if (day != null && open != null && close != null && open.isBefore(close)) {
                rows.add(new Object[] {day.getValue(), open, close});
            }
        }
        List<Holiday> holidays = settings.holidays() == null ? List.of() : settings.holidays();
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            try {
                LocalDate date = LocalDate.parse(String.valueOf(holidays.get(i).date()));
                if (!days.add(date)) errors.add(new FieldError("holidays[" + i + "].date", "listed twice"));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("holidays[" + i + "].date", "'" + holidays.get(i).date() + "' is not a date like 2026-12-25"));
            }
        }
        if (settings.enabled() && rows.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("weekly", "give at least one opening window, or disable business hours"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        jdbc.sql("delete from business_hours where company_id = ?").param(company.value()).update();
        jdbc.sql("delete from business_holidays where company_id = ?").param(company.value()).update();
        for (Object[] r : rows) {
            jdbc.sql("insert into business_hours (company_id, day_of_week, opens_at, closes_at) values (?, ?, ?, ?)")
                    .params(company.value(), r[0], r[1], r[2]).update();
        }
        for (Holiday h : holidays) {
            jdbc.sql("insert into business_holidays (company_id, holiday_date, name) values (?, ?, ?)")
                    .params(company.value(), LocalDate.parse(h.date()), h.name()).update();
        }
        jdbc.sql("update companies set business_hours_enabled = ? where id = ?").params(settings.enabled(), company.value()).update();
        return get(company);
    }

    private static LocalTime time(String value, String field, List<FieldError> errors) {
        try {
            return LocalTime.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a time like 09:00"));
            return null;
        }
    }
}
