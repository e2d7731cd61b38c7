package com.rostra.queues.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.queues.AssignmentStatus;
import com.rostra.queues.ContactAttribute;
import com.rostra.queues.Queue;
import com.rostra.queues.QueueInput;
import com.rostra.queues.QueueRule;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Queues")
class QueuesController {

    private final Queues queues;
    private final QueueAssignment assignment;
    private final CurrentCompany currentCompany;
    private final java.time.Clock clock;

    QueuesController(Queues queues, QueueAssignment assignment, CurrentCompany currentCompany, java.time.Clock clock) {
        this.queues = queues;
        this.assignment = assignment;
        this.currentCompany = currentCompany;
        this.clock = clock;
    }

    @Operation(summary = "List queues",
            description = "The company's queues, parents before children, with their rules, exclusions and channels.")
    @GetMapping("/api/v1/queues")
    List<Queue> list() {
        return queues.list(currentCompany.id());
    }

    @Operation(summary = "Create a queue",
            description = "Body `{name, parent_id?, priority?, channels?, rules: [{attribute, operator, value}], exclusions: [...]}`. Attributes: channel, direction, inbox_when_queued, inbox_when_ended, status, gladly_channel, entry_point; operators: is, is_not, starts_with, contains, matches (`*`). Contacts are re-assigned in the background (see /api/v1/queues/assignment). 201; 400 naming the field.")
    @PostMapping("/api/v1/queues")
    ResponseEntity<Queue> create(@RequestBody QueueInput input) {
        Queue queue = queues.create(currentCompany.id(), input);
        return ResponseEntity.created(URI.create("/api/v1/queues/" + queue.id())).body(queue);
    }

    @Operation(summary = "Read a queue",
            description = "404 when the id is not one of this company's queues.")
    @GetMapping("/api/v1/queues/{id}")
    Queue get(@PathVariable long id) {
        return queues.get(currentCompany.id(), id);
    }

    @Operation(summary = "Replace a queue",
            description = "Same body as create; the whole history is re-assigned to the new rules. 400 naming the field; 404 for another company's id.")
    @PutMapping("/api/v1/queues/{id}")
    Queue update(@PathVariable long id, @RequestBody QueueInput input) {
        return queues.update(currentCompany.id(), id, input);
    }

    @Operation(summary = "Delete a queue",
            description = "204; its contacts and imported volume go to its parent (or to no queue). 409 while it has child queues.")
    @DeleteMapping("/api/v1/queues/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        queues.delete(currentCompany.id(), id);
        return ResponseEntity.noContent().build();
    }

    record Exclusions(List<QueueRule> exclusions) {}

    /** Company-wide exclusions: checked before any queue, so an excluded contact counts nowhere. */
    @Operation(summary = "Read company-wide exclusions",
            description = "Rules that keep contacts out of every queue (spam inboxes, outbound calls), checked before any queue.")
    @GetMapping("/api/v1/exclusions")
    Exclusions exclusions() {
        return new Exclusions(queues.exclusions(currentCompany.id()));
    }

    @Operation(summary = "Replace company-wide exclusions",
            description = "Body `{rules: [{attribute, operator, value}]}`; triggers a re-assignment of the history. 400 naming the field.")
    @PutMapping("/api/v1/exclusions")
    Exclusions replaceExclusions(@RequestBody Exclusions body) {
        return new Exclusions(queues.replaceExclusions(currentCompany.id(), body.exclusions()));
    }

    @Operation(summary = "Queue re-assignment progress",
            description = "`status` up_to_date, pending or running, with `done` and `total` contacts of the running re-assignment.")
    @GetMapping("/api/v1/queues/assignment")
    AssignmentStatus assignment() {
        return assignment.status(currentCompany.id());
    }

    /** Values seen in the last 90 days per attribute, most frequent first: what rules are written against. */
    @Operation(summary = "Values seen per attribute",
            description = "Distinct values of each rule attribute among the company's own contacts (inboxes, entry points, statuses), to offer in rule forms.")
    @GetMapping("/api/v1/queues/attribute-values")
    Map<String, List<String>> attributeValues() {
        Map<ContactAttribute, List<String>> seen = queues.attributeValues(currentCompany.id(),
                clock.instant().minus(Duration.ofDays(90)), 100);
        return seen.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().wireName(), Map.Entry::getValue,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
