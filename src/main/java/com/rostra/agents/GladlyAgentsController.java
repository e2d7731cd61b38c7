package com.rostra.agents;

import io.swagger.v3.oas.annotations.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** "Adding agents from Gladly": Gladly's agent list, each marked whether already a person, and adding them. */
@RestController
@Tag(name = "People")
class GladlyAgentsController {

    private final GladlyAgentImport agentImport;
    private final CurrentCompany currentCompany;

    GladlyAgentsController(GladlyAgentImport agentImport, CurrentCompany currentCompany) {
        this.agentImport = agentImport;
        this.currentCompany = currentCompany;
    }

    @Operation(summary = "Gladly agents",
            description = "Agents of the connected Gladly organization (from the last directory sync), each with whether a person in Rostra already has that agent id.")
    @GetMapping("/api/v1/gladly/agents")
    List<GladlyAgentImport.Candidate> agents() {
        return agentImport.candidates(currentCompany.id());
    }

    record AddResult(List<Person> created, List<Person> matched) {}

    /** Body: {@code {"gladly_agent_ids": [...]}} or {@code {"gladly_agent_ids": "all"}}. */
    @Operation(summary = "Add people from Gladly",
            description = "Body `{gladly_agent_ids: [...]}` or `{gladly_agent_ids: \"all\"}`. Creates a person per agent not yet in Rostra (someone already there with the same email is linked instead). Only this company's Gladly agents are reachable. 200 with `{created, matched}`.")
    @PostMapping("/api/v1/people/from-gladly")
    @ResponseStatus(HttpStatus.OK)
    AddResult add(@RequestBody JsonNode body) {
        JsonNode ids = body == null ? null : body.get("gladly_agent_ids");
        Set<String> wanted = null;
        if (ids == null || ids.isNull()) {
            throw new InvalidRequestException("gladly_agent_ids", "give a list of Gladly agent ids, or \"all\"");
        }
        if (ids.isString()) {
            if (!ids.asString().equals("all")) {
                throw new InvalidRequestException("gladly_agent_ids", "must be a list of ids or \"all\"");
            }
        } else if (ids.isArray()) {
            wanted = new HashSet<>();
            for (JsonNode id : ids) wanted.add(id.asString());
            if (wanted.isEmpty()) throw new InvalidRequestException("gladly_agent_ids", "pick at least one agent");
        } else {
            throw new InvalidRequestException("gladly_agent_ids", "must be a list of ids or \"all\"");
        }
        GladlyAgentImport.Added added = agentImport.add(currentCompany.id(), wanted);
        return new AddResult(added.created(), added.matched());
    }

}
