package com.rostra.forecasting;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.rostra.tenancy.ApiKeyPrincipal;
import com.rostra.tenancy.CompanyUser;

/** Who is acting, as stored next to what they did (adjustments, publications). */
final class Actors {

    private Actors() {}

    static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Object p = auth == null ? null : auth.getPrincipal();
        if (p instanceof CompanyUser u) return u.name() + " <" + u.email() + ">";
        if (p instanceof ApiKeyPrincipal k) return "api key " + k.keyName() + " (#" + k.apiKeyId() + ")";
        return "system";
    }
}
