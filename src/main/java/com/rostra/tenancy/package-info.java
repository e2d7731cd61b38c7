/**
 * Tenancy: companies (tenants) and their time zones and business hours, users and roles, API keys and sign-in, and
 * the current company every request and query is scoped to. The base the other modules build on: it uses only
 * platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package com.rostra.tenancy;
