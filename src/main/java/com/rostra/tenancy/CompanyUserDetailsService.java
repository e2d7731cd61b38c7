package com.rostra.tenancy;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Form login looks users up by email; the hash never leaves this module. One email may belong to users of several
 * companies, so sign-in tries the password against each of them, oldest account first.
 */
@Component
class CompanyUserDetailsService implements UserDetailsService {

    private final Users users;
    /** Checked when no account has the email, so an unknown address costs the same time as a wrong password. */
    private volatile String unknownUserHash;

    CompanyUserDetailsService(Users users) {
        this.users = users;
    }

    /** The account this email and password sign in to, if any. */
    Optional<CompanyUser> signIn(String email, String rawPassword, PasswordEncoder passwords) {
        if (email == null || rawPassword == null) {
            return Optional.empty();
        }
        List<Users.Credentials> candidates = users.findCredentials(email);
        if (candidates.isEmpty()) {
            if (unknownUserHash == null) {
                unknownUserHash = passwords.encode(java.util.UUID.randomUUID().toString());
            }
            passwords.matches(rawPassword, unknownUserHash);
            return Optional.empty();
        }
        return candidates.stream()
                .filter(c -> passwords.matches(rawPassword, c.passwordHash()))
                .findFirst()
                .map(c -> principal(c).withoutPassword());
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return users.findCredentials(email).stream().findFirst().map(CompanyUserDetailsService::principal)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    private static CompanyUser principal(Users.Credentials c) {
        return new CompanyUser(c.user().id(), c.user().companyId(), c.user().email(), c.user().name(),
                c.user().role(), c.passwordHash());
    }
}
