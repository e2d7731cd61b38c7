package com.rostra.scheduling;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.json.JsonMapper;

/** A company's shift rules, the defaults until someone saves them; stored as one JSON document per company. */
@Service
public class ShiftRulesStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ShiftRulesStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public ShiftRules get(CompanyId company) {
        return jdbc.sql("select rules from shift_rules where company_id = ?").param(company.value()).query(String.class).optional()
                .map(text -> ShiftRules.DEFAULTS.merge(json.readValue(text, ShiftRules.class))).orElse(ShiftRules.DEFAULTS);
    }

    /** Fields left out keep their current value; the result is checked as a whole (400 naming each bad field). */
    @Transactional
    public ShiftRules save(CompanyId company, ShiftRules patch) {
        ShiftRules merged = get(company).merge(patch);
        List<FieldError> errors = merged.validate();
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        jdbc.sql("delete from shift_rules where company_id = ?").param(company.value()).update();
        jdbc.sql("insert into shift_rules (company_id, rules, updated_at) values (?, ?, ?)")
                .params(company.value(), json.writeValueAsString(merged), Db.ts(clock.instant())).update();
        return get(company);
    }
}
