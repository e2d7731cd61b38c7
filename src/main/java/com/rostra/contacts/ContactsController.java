package com.rostra.contacts;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.RequestTimes;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Contacts and volume")
class ContactsController {

    private final Contacts contacts;
    private final CurrentCompany currentCompany;
    private final ObjectProvider<QueueDirectory> queueDirectory;
    private final VolumeImport volumeImport;

    ContactsController(Contacts contacts, CurrentCompany currentCompany, ObjectProvider<QueueDirectory> queueDirectory,
                       VolumeImport volumeImport) {
        this.volumeImport = volumeImport;
        this.contacts = contacts;
        this.currentCompany = currentCompany;
        this.queueDirectory = queueDirectory;
    }

    record ContactPage(List<ContactView> contacts, String nextCursor) {}

    @Operation(summary = "List contacts",
            description = "Contacts queued in [start, end), newest first, `limit` 1-1000 (default 100) with `next_cursor` for the next page. Filters: `channel` (phone, email, chat, sms, social), `status` (open, solved), `queue_id` (an id, children included, or `no_queue`), `excluded` (true/false).")
    @GetMapping("/api/v1/contacts")
    ContactPage list(@RequestParam(required = false) String start, @RequestParam(required = false) String end,
                     @RequestParam(required = false) String channel, @RequestParam(required = false) String status,
                     @RequestParam(name = "queue_id", required = false) String queueId,
                     @RequestParam(required = false) String excluded,
                     @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = instant("start", start, errors);
        Instant to = instant("end", end, errors);
        Channel ch = null;
        if (channel != null) {
            ch = Channel.fromWire(channel).orElse(null);
            if (ch == null) errors.add(new FieldError("channel", "must be one of phone, email, chat, sms, social"));
        }
        ContactStatus st = null;
        if (status != null) {
            try {
                st = ContactStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be open or solved"));
            }
        }
        if (limit < 1 || limit > 1000) errors.add(new FieldError("limit", "must be between 1 and 1000"));
        if (from != null && to != null && !to.isAfter(from)) errors.add(new FieldError("end", "must be after start"));
        QueueScope queue = queueId == null ? null : queueScope(queueId, errors);
        Boolean onlyExcluded = null;
        if (excluded != null) {
            if (excluded.equals("true") || excluded.equals("false")) onlyExcluded = Boolean.valueOf(excluded);
            else errors.add(new FieldError("excluded", "must be true or false"));
        }
        if (queue != null && onlyExcluded == null) {
            onlyExcluded = false; // a queue's contacts are the ones it counts; ask for excluded=true to see the others
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Contacts.Page page = contacts.list(currentCompany.id(),
                new Contacts.Filter(from, to, ch, st, queue, onlyExcluded, false), limit, cursor);
        return new ContactPage(page.contacts(), page.nextCursor());
    }

    @Operation(summary = "Contact volume",
            description = "Contacts per interval in [start, end): `interval` 15m, 30m, 60m or 1d; `group_by` none, channel or queue; `time_zone` (default the company's); `start` and `end` are required. Pulled contacts and imported history together; DST days have 23 or 25 hours.")
    @GetMapping("/api/v1/volume")
    VolumeSeries volume(@RequestParam(required = false) String start, @RequestParam(required = false) String end,
                  @RequestParam(defaultValue = "60m") String interval,
                  @RequestParam(name = "group_by", defaultValue = "none") String groupBy,
                  @RequestParam(name = "time_zone", required = false) String timeZone) {
        VolumeQuery q = VolumeQuery.parse(start, end, interval, groupBy, timeZone, currentCompany.company().timeZone());
        return new VolumeSeries(q.zone().getId(), q.interval(),
                contacts.volume(currentCompany.id(), q.start(), q.end(), q.length(), q.groupBy(), q.zone()));
    }

    /** 200 when rows were imported (or nothing was wrong); 422 when errors kept the whole file out. */
    @Operation(summary = "Import historical volume",
            description = "CSV `interval_start,queue_id,channel,count` (or a template's columns); `interval_minutes` is read from the rows' spacing unless given (15, 30 or 60). Re-importing an interval replaces it. 200 with `{imported, interval_minutes, errors}`; 422 with every bad row and nothing imported unless `?partial=true`.")
    @PostMapping(path = "/api/v1/volume/import", consumes = {"text/csv", "text/plain", "application/csv"})
    ResponseEntity<VolumeImport.Result> importVolume(@RequestBody(required = false) String csv,
                                                     @RequestParam(name = "interval_minutes", required = false) Integer intervalMinutes,
                                                     @RequestParam(defaultValue = "false") boolean partial) {
        VolumeImport.Result result = volumeImport.importCsv(currentCompany.id(), csv, intervalMinutes, partial);
        boolean rejected = !result.errors().isEmpty() && (!partial || result.imported() == 0);
        return ResponseEntity.status(rejected ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(result);
    }

    @Operation(summary = "Volume CSV template",
            description = "The header row and example rows of the volume import, as text/csv.")
    @GetMapping("/api/v1/volume/import/template")
    ResponseEntity<String> importTemplate() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=volume-template.csv")
                .contentType(MediaType.parseMediaType("text/csv")).body(VolumeImport.TEMPLATE);
    }

    private QueueScope queueScope(String queueId, List<FieldError> errors) {
        if (queueId.equals("no_queue")) {
            return QueueScope.noQueue();
        }
        try {
            long id = Long.parseLong(queueId);
            QueueDirectory directory = queueDirectory.getIfAvailable();
            if (directory != null && directory.queueIds(currentCompany.id()).contains(id)) {
                return new QueueScope(id);
            }
        } catch (NumberFormatException e) {
            // reported below like an unknown id
        }
        errors.add(new FieldError("queue_id", "no queue " + queueId + " exists; use a queue id or no_queue"));
        return null;
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        return RequestTimes.parse(field, value, errors);
    }
}
