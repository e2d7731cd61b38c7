package com.rostra.gladly;

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

    @PutMapping
    IntegrationStatus connect(@RequestBody GladlyConnections.ConnectRequest request) {
        return connections.connect(currentCompany.id(), request);
    }

    @GetMapping
    IntegrationStatus status() {
        return connections.status(currentCompany.id());
    }

    @PostMapping("/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    IntegrationStatus sync() {
        connections.syncNow(currentCompany.id());
        return connections.status(currentCompany.id());
    }

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
