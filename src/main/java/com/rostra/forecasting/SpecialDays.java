package com.rostra.forecasting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.forecasting.model.ForecastEngine.SpecialKind;
import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/** Special days of a company (its local dates), every query filtered by company. */
@Service
public class SpecialDays {

    public record SpecialDay(LocalDate date, String kind, String note) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SpecialDays(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<SpecialDay> list(CompanyId company, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select local_date, kind, note from special_days
                where company_id = ? and local_date >= ? and local_date < ? order by local_date""")
                .params(company.value(), from, to)
                .query((rs, i) -> new SpecialDay(rs.getObject("local_date", LocalDate.class), rs.getString("kind"), rs.getString("note")))
                .list();
    }

    public Optional<SpecialDay> get(CompanyId company, LocalDate date) {
        return jdbc.sql("select local_date, kind, note from special_days where company_id = ? and local_date = ?")
                .params(company.value(), date)
                .query((rs, i) -> new SpecialDay(rs.getObject("local_date", LocalDate.class), rs.getString("kind"), rs.getString("note")))
                .optional();
    }

    public static final java.util.Set<String> KINDS = java.util.Set.of("holiday", "closed", "outlier", "normal");

    /** Checks what a user typed (a 400 naming each bad field) and saves it. */
    @Transactional
    public SpecialDay mark(CompanyId company, String date, String kind, String note) {
        List<com.rostra.platform.InvalidRequestException.FieldError> errors = new java.util.ArrayList<>();
        LocalDate d = null;
        try {
            d = LocalDate.parse(date == null ? "" : date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new com.rostra.platform.InvalidRequestException.FieldError("date", "must be a date like 2026-12-25"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new com.rostra.platform.InvalidRequestException.FieldError("kind", "must be one of holiday, closed, outlier, normal"));
        }
        if (note != null && note.length() > 500) {
            errors.add(new com.rostra.platform.InvalidRequestException.FieldError("note", "at most 500 characters"));
        }
        if (!errors.isEmpty()) throw new com.rostra.platform.InvalidRequestException(errors);
        return put(company, d, kind, note == null || note.isBlank() ? null : note.strip());
    }

    @Transactional
    public SpecialDay put(CompanyId company, LocalDate date, String kind, String note) {
        jdbc.sql("delete from special_days where company_id = ? and local_date = ?").params(company.value(), date).update();
        jdbc.sql("insert into special_days (company_id, local_date, kind, note, updated_at) values (?, ?, ?, ?, ?)")
                .params(company.value(), date, kind, note, Db.ts(clock.instant())).update();
        return new SpecialDay(date, kind, note);
    }

    public boolean delete(CompanyId company, LocalDate date) {
        return jdbc.sql("delete from special_days where company_id = ? and local_date = ?").params(company.value(), date).update() > 0;
    }

    /** The company's special days between the dates, as the models see them. */
    Map<LocalDate, SpecialKind> kinds(CompanyId company, LocalDate from, LocalDate to) {
        Map<LocalDate, SpecialKind> kinds = new LinkedHashMap<>();
        for (SpecialDay d : list(company, from, to)) kinds.put(d.date(), SpecialKind.valueOf(d.kind().toUpperCase(Locale.ROOT)));
        return kinds;
    }
}
