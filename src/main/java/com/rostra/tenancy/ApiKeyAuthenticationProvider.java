package com.rostra.tenancy;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * HTTP Basic where the username is a company API key and the password is the same key or empty
 * (Gladly's webhook configuration sends the key as both).
 */
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys apiKeys;
    private final boolean passwordMustBeKey;

    /** @param passwordMustBeKey Gladly's webhook is configured with the key as username and password: require both */
    ApiKeyAuthenticationProvider(ApiKeys apiKeys, boolean passwordMustBeKey) {
        this.apiKeys = apiKeys;
        this.passwordMustBeKey = passwordMustBeKey;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = String.valueOf(authentication.getPrincipal());
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if ((passwordMustBeKey || !password.isEmpty()) && !password.equals(key)) {
            throw new BadCredentialsException("the password must be empty or the API key itself");
        }
        ApiKeyPrincipal principal = apiKeys.authenticate(key)
                .orElseThrow(() -> new BadCredentialsException("unknown or revoked API key"));
        // A webhook-scoped key authenticates, but only the webhook chain accepts its role: the API answers it 403.
        String role = ApiKeys.SCOPE_WEBHOOK.equals(principal.scope()) ? "ROLE_WEBHOOK" : "ROLE_API";
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(new SimpleGrantedAuthority(role)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
