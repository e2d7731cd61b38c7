package com.rostra.tenancy;

import java.time.Instant;
import java.time.ZoneId;

public record Company(CompanyId id, String name, ZoneId timeZone, Instant createdAt) {}
