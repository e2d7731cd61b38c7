package com.rostra.scheduling;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.rostra.agents.PersonExtras;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.tenancy.CompanyId;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code contract} and {@code availability} on POST/PATCH /api/v1/people, kept in scheduling's tables. */
@Component
class ContractFields implements PersonExtras {

    private final Contracts contracts;
    private final JsonMapper json;

    ContractFields(Contracts contracts, JsonMapper json) {
        this.contracts = contracts;
        this.json = json;
    }

    @Override
    public List<FieldError> check(CompanyId company, Long personId, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Contracts.TermsInput input = input(body, errors);
        if (input == null) return errors;
        Contract current = personId == null ? Contract.DEFAULT : contracts.contract(company, personId);
        errors.addAll(Contracts.problems(current, input));
        return errors;
    }

    @Override
    public void save(CompanyId company, long personId, JsonNode body) {
        Contracts.TermsInput input = input(body, new ArrayList<>());
        if (input != null) contracts.save(company, personId, input);
    }

    private Contracts.TermsInput input(JsonNode body, List<FieldError> errors) {
        JsonNode c = body.get("contract");
        JsonNode a = body.get("availability");
        boolean hasContract = c != null && !c.isNull();
        boolean hasAvailability = a != null && !a.isNull();
        if (!hasContract && !hasAvailability) return null;
        Contract contract = null;
        List<Contracts.Window> windows = null;
        if (hasContract) {
            try {
                contract = json.treeToValue(c, Contract.class);
            } catch (JacksonException e) {
                errors.add(new FieldError("contract", "must be {min_hours_per_week, max_hours_per_week, max_days_per_week} with whole numbers"));
            }
        }
        if (hasAvailability) {
            try {
                windows = List.of(json.treeToValue(a, Contracts.Window[].class));
            } catch (JacksonException | NullPointerException e) {
                errors.add(new FieldError("availability", "must be a list of {day_of_week, start, end}"));
            }
        }
        if (!errors.isEmpty()) return null;
        return new Contracts.TermsInput(contract, windows);
    }
}
