package com.rostra.tenancy;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The company the current request acts for, taken from whoever authenticated it. */
@Component
public class CurrentCompany {

    private final Companies companies;

    CurrentCompany(Companies companies) {
        this.companies = companies;
    }

    public static Optional<CompanyId> idIfAuthenticated() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CompanyScoped scoped) {
            return Optional.of(scoped.companyId());
        }
        return Optional.empty();
    }

    public CompanyId id() {
        return idIfAuthenticated().orElseThrow(() -> new IllegalStateException("no company in this request"));
    }

    public Company company() {
        return companies.get(id());
    }
}
