package com.rostra.agents;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Agent states")
class AgentStateStreamController {

    private final AgentStateStream stream;
    private final CurrentCompany currentCompany;

    AgentStateStreamController(AgentStateStream stream, CurrentCompany currentCompany) {
        this.stream = stream;
        this.currentCompany = currentCompany;
    }

    @Operation(summary = "Stream live agent states (server-sent events)",
            description = "Company-scoped, same auth as the API. First a `snapshot` event: every agent as in "
                    + "`GET /api/v1/agent-states/current`. Then one `state` event per stored change: the agent's row with its "
                    + "state, reason, mapped activity, scheduled activity and adherence. Reconnecting (with `Last-Event-ID`) "
                    + "starts again with a snapshot. A comment line every 15 s keeps the connection open.")
    @GetMapping(path = "/api/v1/agent-states/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.open(currentCompany.id());
    }
}
