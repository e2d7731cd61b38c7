package com.rostra.queues;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.contacts.ContactAttribute;
import com.rostra.contacts.ContactClassifier;
import com.rostra.contacts.Contacts;
import com.rostra.contacts.QueueScope;
import com.rostra.contacts.VolumeQuery;
import com.rostra.contacts.VolumeSeries;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Queues")
class QueuesController {

    private final Queues queues;
    private final QueueAssignment assignment;
    private final Contacts contacts;
    private final ContactClassifier classifier;
    private final CurrentCompany currentCompany;
    private final java.time.Clock clock;

    QueuesController(Queues queues, QueueAssignment assignment, Contacts contacts, ContactClassifier classifier,
                     CurrentCompany currentCompany, java.time.Clock clock) {
        this.queues = queues;
        this.assignment = assignment;
        this.contacts = contacts;
        this.classifier = classifier;
        this.currentCompany = currentCompany;
        this.clock = clock;
    }

    @GetMapping("/api/v1/queues")
    List<Queue> list() {
        return queues.list(currentCompany.id());
    }

    @PostMapping("/api/v1/queues")
    ResponseEntity<Queue> create(@RequestBody QueueInput input) {
        Queue queue = queues.create(currentCompany.id(), input);
        return ResponseEntity.created(URI.create("/api/v1/queues/" + queue.id())).body(queue);
    }

    @GetMapping("/api/v1/queues/{id}")
    Queue get(@PathVariable long id) {
        return queues.get(currentCompany.id(), id);
    }

    @PutMapping("/api/v1/queues/{id}")
    Queue update(@PathVariable long id, @RequestBody QueueInput input) {
        return queues.update(currentCompany.id(), id, input);
    }

    @DeleteMapping("/api/v1/queues/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        queues.delete(currentCompany.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/queues/{id}/volume")
    VolumeSeries volume(@PathVariable long id, @RequestParam(required = false) String start,
                        @RequestParam(required = false) String end, @RequestParam(defaultValue = "60m") String interval,
                        @RequestParam(name = "group_by", defaultValue = "channel") String groupBy,
                        @RequestParam(name = "time_zone", required = false) String timeZone) {
        queues.get(currentCompany.id(), id);
        VolumeQuery q = VolumeQuery.parse(start, end, interval, groupBy, timeZone, currentCompany.company().timeZone());
        return new VolumeSeries(q.zone().getId(), q.interval(), contacts.volume(currentCompany.id(), q.start(), q.end(),
                q.length(), q.groupBy(), q.zone(), new QueueScope(id)));
    }

    record Exclusions(List<QueueRule> exclusions) {}

    /** Company-wide exclusions: checked before any queue, so an excluded contact counts nowhere. */
    @GetMapping("/api/v1/exclusions")
    Exclusions exclusions() {
        return new Exclusions(queues.exclusions(currentCompany.id()));
    }

    @PutMapping("/api/v1/exclusions")
    Exclusions replaceExclusions(@RequestBody Exclusions body) {
        return new Exclusions(queues.replaceExclusions(currentCompany.id(), body.exclusions()));
    }

    @GetMapping("/api/v1/queues/assignment")
    AssignmentStatus assignment() {
        return assignment.status(currentCompany.id());
    }

    /** Values seen in the last 90 days per attribute, most frequent first: what rules are written against. */
    @GetMapping("/api/v1/queues/attribute-values")
    Map<String, List<String>> attributeValues() {
        Map<ContactAttribute, List<String>> seen = classifier.seenValues(currentCompany.id(),
                clock.instant().minus(Duration.ofDays(90)), 100);
        return seen.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().wireName(), Map.Entry::getValue,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
