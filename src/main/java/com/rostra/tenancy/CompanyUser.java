package com.rostra.tenancy;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;


/** A signed-in page user. */
public record CompanyUser(long userId, CompanyId companyId, String email, String name, Role role, String passwordHash)
        implements UserDetails, CompanyScoped {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** The same user without the password hash: what the session keeps once the password was checked. */
    public CompanyUser withoutPassword() {
        return new CompanyUser(userId, companyId, email, name, role, null);
    }

    @Override
    public String toString() {
        return "user#" + userId;
    }
}
