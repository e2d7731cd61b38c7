package com.rostra.agents;

import java.util.List;

import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyId;

/**
 * A module whose stored settings name the state mappings' activity types (adherence's {@code mapped:<name>} rules)
 * implements this, so {@link StateMappings#replace} can refuse a replacement that would leave such a setting naming
 * nothing. The interface lives here so agents need not know who depends on its mappings.
 */
public interface StateMappingsCheck {

    /**
     * @param replacement the mappings as they would be after the replacement (the defaults when it is empty)
     * @return one error per setting that would break; empty when the replacement is fine
     */
    List<InvalidRequestException.FieldError> check(CompanyId company, List<StateMappings.Mapping> replacement);
}
