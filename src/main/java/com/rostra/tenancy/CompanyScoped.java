package com.rostra.tenancy;

/** Any authenticated principal that acts for exactly one company: an API key or a signed-in user. */
public interface CompanyScoped {
    CompanyId companyId();
}
