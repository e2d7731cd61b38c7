package com.rostra.demo;

import com.rostra.tenancy.CompanyId;

/** The demo company exists and this API key (plain text, demo only) authenticates as it. */
public record DemoCompanyReady(CompanyId companyId, String apiKey) {}
