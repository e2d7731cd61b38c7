package com.rostra.volume.internal;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.queues.QueueScope;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CurrentCompany;
import com.rostra.volume.Volume;
import com.rostra.volume.VolumeQuery;
import com.rostra.volume.VolumeSeries;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Contacts and volume")
class VolumeController {

    private final Volume volume;
    private final Queues queues;
    private final CurrentCompany currentCompany;
    private final VolumeImport volumeImport;

    VolumeController(Volume volume, Queues queues, CurrentCompany currentCompany, VolumeImport volumeImport) {
        this.volume = volume;
        this.queues = queues;
        this.currentCompany = currentCompany;
        this.volumeImport = volumeImport;
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
                volume.volume(currentCompany.id(), q.start(), q.end(), q.length(), q.groupBy(), q.zone()));
    }

    @Operation(summary = "Volume of a queue",
            description = "Contacts per interval in [start, end) for the queue and its children: `interval` 15m, 30m, 60m or 1d; `group_by` channel (default) or none; `time_zone` (default the company's) sets the interval boundaries; `start` and `end` are required.")
    @GetMapping("/api/v1/queues/{id}/volume")
    VolumeSeries queueVolume(@PathVariable long id, @RequestParam(required = false) String start,
                             @RequestParam(required = false) String end, @RequestParam(defaultValue = "60m") String interval,
                             @RequestParam(name = "group_by", defaultValue = "channel") String groupBy,
                             @RequestParam(name = "time_zone", required = false) String timeZone) {
        queues.get(currentCompany.id(), id);
        VolumeQuery q = VolumeQuery.parse(start, end, interval, groupBy, timeZone, currentCompany.company().timeZone());
        return new VolumeSeries(q.zone().getId(), q.interval(), volume.volume(currentCompany.id(), q.start(), q.end(),
                q.length(), q.groupBy(), q.zone(), QueueScope.queue(id)));
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
}
