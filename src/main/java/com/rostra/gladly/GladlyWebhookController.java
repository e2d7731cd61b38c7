package com.rostra.gladly;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.ApiExceptionHandler;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Gladly's webhook. The request path does only what "nothing lost" needs: authenticate (the key names the
 * company), store the raw event, answer. Everything else happens after, from the stored row.
 */
@RestController
@Tag(name = "Gladly integration")
class GladlyWebhookController {

    private static final Logger log = LoggerFactory.getLogger(GladlyWebhookController.class);

    private static final String ACCEPTED = "{\"status\":\"accepted\"}";
    private static final String DUPLICATE = "{\"status\":\"duplicate\"}";
    private static final String PONG = "{\"status\":\"pong\"}";

    private final GladlyEvents events;
    private final CurrentCompany currentCompany;


    GladlyWebhookController(GladlyEvents events, CurrentCompany currentCompany) {
        this.events = events;
        this.currentCompany = currentCompany;
    }

    @PostMapping("/webhooks/gladly")
    @Operation(summary = "Gladly webhook (Basic auth: a company API key as username and password)",
            description = "Where Gladly delivers AGENT_STATUS, AGENT_AVAILABILITY and CONTACT events. The delivery is stored before the answer: 200 `accepted` (stored once), `duplicate` (same event id again: a no-op), `pong` (Gladly's PING); 400 for a malformed event (the reason named; kept for inspection); 401 for wrong credentials; 413 over 64 KB; 503 when it could not be stored (Gladly retries).")
    ResponseEntity<?> receive(@RequestBody(required = false) byte[] body) {
        var company = currentCompany.id();
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        try {
            // Stored and, for agent state changes, applied in the same commit; the writer signals the processor
            // for anything left to it.
            GladlyEvents.Outcome outcome = events.store(company, text, "webhook");
            delivered(switch (outcome) {
                case STORED -> "stored";
                case DUPLICATE -> "duplicate";
                case PING -> "ping";
            });
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(switch (outcome) {
                case STORED -> ACCEPTED;
                case DUPLICATE -> DUPLICATE;
                case PING -> PONG;
            });
        } catch (GladlyEvents.NotStored e) {
            delivered("not_stored");
            // Not durable, so not acknowledged: Gladly retries, and the retry is stored once the database answers.
            ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "The event could not be stored right now; please retry.");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
        } catch (GladlyEvents.MalformedEvent e) {
            delivered("rejected");
            events.recordRejected(company, e.getMessage(), text);
            log.warn("Rejected a Gladly webhook delivery: {}", e.getMessage());
            ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("Malformed Gladly event");
            if (e.field() != null) {
                problem.setProperty("errors", List.of(new InvalidRequestException.FieldError(e.field(),
                        e.getMessage().substring(e.field().length() + 2))));
            }
            return ResponseEntity.badRequest().body(problem);
        }
    }

    /** Deliveries by outcome (stored, duplicate, ping, rejected, not_stored); wrong credentials never reach here. */
    private static void delivered(String outcome) {
        GladlyMetrics.delivered(outcome);
    }
}
