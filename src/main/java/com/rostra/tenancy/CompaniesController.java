package com.rostra.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/companies")
@Tag(name = "Operator")
class CompaniesController {

    private final Companies companies;

    CompaniesController(Companies companies) {
        this.companies = companies;
    }

    record CreateCompanyRequest(@NotBlank @Size(max = 200) String name, String timeZone) {}

    record CreatedCompanyResponse(long id, String name, String timeZone, String apiKey) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a company (operator token required); the first API key is shown only here",
            description = "Operator only: `Authorization: Bearer <ROSTRA_ADMIN_TOKEN>`. Body `{name, time_zone}` (an IANA zone). 201 with `{id, name, time_zone, api_key}`: the key is shown only in this answer and stored hashed.",
            security = @io.swagger.v3.oas.annotations.security.SecurityRequirement(name = "operatorToken"))
    CreatedCompanyResponse create(@Valid @RequestBody CreateCompanyRequest request) {
        Companies.CreatedCompany created = companies.create(request.name(), request.timeZone());
        return new CreatedCompanyResponse(created.company().id().value(), created.company().name(),
                created.company().timeZone().getId(), created.firstKey().key());
    }
}
