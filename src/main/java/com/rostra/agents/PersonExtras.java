package com.rostra.agents;

import java.util.List;

import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

/**
 * Fields of a person's POST/PATCH body that another module keeps in its own tables (scheduling: {@code contract}
 * and {@code availability}). Checked before the person is written, stored after; fields absent from the body are
 * left alone.
 */
public interface PersonExtras {

    /** Problems with this extension's fields of {@code body}; {@code personId} null when the person is being created. */
    List<FieldError> check(CompanyId company, Long personId, JsonNode body);

    void save(CompanyId company, long personId, JsonNode body);
}
