package com.rostra.tenancy;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/business-hours")
@Tag(name = "Company settings")
class BusinessHoursController {

    private final BusinessHours businessHours;
    private final CurrentCompany currentCompany;

    BusinessHoursController(BusinessHours businessHours, CurrentCompany currentCompany) {
        this.businessHours = businessHours;
        this.currentCompany = currentCompany;
    }

    @Operation(summary = "Read business hours",
            description = "Whether first-response and SLA times count business hours only, the weekly opening hours (local times in the company's zone) and holidays.")
    @GetMapping
    BusinessHours.Settings get() {
        return businessHours.get(currentCompany.id());
    }

    /** Applies to contacts pulled from now on; history keeps the figures it was pulled with. */
    @Operation(summary = "Replace business hours",
            description = "Body `{enabled, weekly: [{day, open, close}], holidays: [{date, name?}]}`; days are monday..sunday, times HH:mm local, close after open. 400 lists every bad field (`weekly[1].close`).")
    @PutMapping
    BusinessHours.Settings put(@RequestBody BusinessHours.Settings settings) {
        return businessHours.replace(currentCompany.id(), settings);
    }
}
