package com.rostra.volume;

import com.rostra.tenancy.CompanyId;

/** Historical volume was imported (or replaced) for the company; published inside the import's transaction. */
public record VolumeImported(CompanyId companyId, int rows) {}
