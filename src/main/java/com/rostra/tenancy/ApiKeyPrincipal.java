package com.rostra.tenancy;

/** The principal of a request authenticated by a company API key. */
public record ApiKeyPrincipal(CompanyId companyId, long apiKeyId, String keyName, String scope) implements CompanyScoped {
    @Override
    public String toString() {
        // Never the key itself: principals end up in logs.
        return "api-key#" + apiKeyId;
    }
}
