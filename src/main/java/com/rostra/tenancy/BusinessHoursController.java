package com.rostra.tenancy;

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

    @GetMapping
    BusinessHours.Settings get() {
        return businessHours.get(currentCompany.id());
    }

    /** Applies to contacts pulled from now on; history keeps the figures it was pulled with. */
    @PutMapping
    BusinessHours.Settings put(@RequestBody BusinessHours.Settings settings) {
        return businessHours.replace(currentCompany.id(), settings);
    }
}
