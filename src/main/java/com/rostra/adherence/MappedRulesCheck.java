package com.rostra.adherence;

import java.util.List;

import org.springframework.stereotype.Component;

import com.rostra.agents.StateMappings;
import com.rostra.agents.StateMappingsCheck;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyId;

/** Refuses state mappings that would leave a stored {@code mapped:<name>} adherence rule naming nothing. */
@Component
class MappedRulesCheck implements StateMappingsCheck {

    private final ActivityRules rules;

    MappedRulesCheck(ActivityRules rules) {
        this.rules = rules;
    }

    @Override
    public List<InvalidRequestException.FieldError> check(CompanyId company, List<StateMappings.Mapping> replacement) {
        return rules.brokenBy(company, replacement);
    }
}
