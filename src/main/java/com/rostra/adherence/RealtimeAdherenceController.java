package com.rostra.adherence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.tenancy.CurrentCompany;

/** The current agent states with each person's scheduled activity and in/out of adherence (the realtime view). */
@RestController
@Tag(name = "Agent states")
class RealtimeAdherenceController {

    private final RealtimeAdherence realtime;
    private final CurrentCompany currentCompany;

    RealtimeAdherenceController(RealtimeAdherence realtime, CurrentCompany currentCompany) {
        this.realtime = realtime;
        this.currentCompany = currentCompany;
    }

    @Operation(summary = "Current agent states",
            description = "Every agent Gladly reported: state (active, away, logged_out), reason, since, availability, the activity the state maps to, and for people in Rostra the scheduled activity now and whether they are in adherence (and since when).")
    @GetMapping("/api/v1/agent-states/current")
    List<RealtimeAdherence.Row> current() {
        return realtime.current(currentCompany.id());
    }
}
