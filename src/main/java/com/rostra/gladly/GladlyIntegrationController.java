package com.rostra.gladly;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.ApiExceptionHandler;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/integrations/gladly")
@Tag(name = "Gladly integration")
class GladlyIntegrationController {

    private final GladlyConnections connections;
    private final CurrentCompany currentCompany;

    GladlyIntegrationController(GladlyConnections connections, CurrentCompany currentCompany) {
        this.connections = connections;
        this.currentCompany = currentCompany;
    }

    @Operation(summary = "Connect Gladly",
            description = "Body `{username, api_token, subdomain? or base_url?, backfill_days?}`: a Gladly user with the API User permission and one of its API tokens (kept encrypted, never shown). The credentials are checked against Gladly first (422 with Gladly's reason when refused); then the backfill starts. A `subdomain` stands for https://<subdomain>.gladly.com/api/v1; other hosts only when the operator allows them.")
    @PutMapping
    IntegrationStatus connect(@RequestBody GladlyConnections.ConnectRequest request) {
        return connections.connect(currentCompany.id(), request);
    }

    @Operation(summary = "Integration health",
            description = "`status`: not_connected, sync_in_progress (with `backfill_percent`), healthy or invalid (with `last_error: {code, message, hint, at}`); contacts synced, last sync, agents synced, and the last webhook event.")
    @GetMapping
    IntegrationStatus status() {
        return connections.status(currentCompany.id());
    }

    @Operation(summary = "Sync now",
            description = "202: the sync runs as soon as possible (it resumes from its checkpoint). 400 when not connected.")
    @PostMapping("/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    IntegrationStatus sync() {
        connections.syncNow(currentCompany.id());
        return connections.status(currentCompany.id());
    }

    @Operation(summary = "Disconnect Gladly",
            description = "204; syncing stops; contacts and states already pulled stay.")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect() {
        connections.disconnect(currentCompany.id());
    }

    @ExceptionHandler(GladlyConnections.CredentialsRejected.class)
    ProblemDetail rejected(GladlyConnections.CredentialsRejected e) {
        ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Gladly rejected the connection");
        problem.setProperty("gladly_status", e.gladlyStatus());
        return problem;
    }
}
