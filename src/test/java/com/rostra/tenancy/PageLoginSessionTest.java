package com.rostra.tenancy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.rostra.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a page sign-in leaves in the session: the user and role, never the password or its hash. */
class PageLoginSessionTest extends ApiTest {

    @Autowired
    CompanyUserDetailsService users;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void theSignedInPrincipalCarriesNoPasswordHash() {
        TestCompany c = newCompany();
        String email = addUser(c, "manager", "Max Manager");
        Authentication signedIn = SecurityConfig.pageLogin(users, passwords)
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, USER_PASSWORD));
        CompanyUser user = (CompanyUser) signedIn.getPrincipal();
        assertThat(user.email()).isEqualTo(email);
        assertThat(user.role()).isEqualTo(Role.MANAGER);
        assertThat(user.companyId().value()).isEqualTo(c.id());
        assertThat(user.passwordHash()).isNull();
        assertThat(signedIn.getCredentials()).isNull();
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_MANAGER");

        assertThatThrownBy(() -> SecurityConfig.pageLogin(users, passwords)
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, "not the password")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void outsideDemoModeTheSignInPageNamesNoUser() {
        assertThat(http.get("/login", null).body()).contains("Sign in").doesNotContain("Demo: sign in", "demo.rostra.local");
    }
}
