package com.rostra.tenancy;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Form login looks users up by email; the hash never leaves this module. */
@Component
class CompanyUserDetailsService implements UserDetailsService {

    private final Users users;

    CompanyUserDetailsService(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return users.findCredentials(email)
                .map(c -> new CompanyUser(c.user().id(), c.user().companyId(), c.user().email(), c.user().name(),
                        c.user().role(), c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
