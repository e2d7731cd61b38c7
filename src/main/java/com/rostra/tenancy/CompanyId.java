package com.rostra.tenancy;

/** The tenant key. Every query in every module filters on it. */
public record CompanyId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
