package com.rostra.tenancy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Three doors: the operator (bearer token), the company API and Gladly's webhook (API key over Basic),
 * and the pages (form login with a session).
 */
@Configuration
class SecurityConfig {

    /**
     * Scripts only from Rostra's own files: no inline scripts, no inline event handlers, no eval. Pages pass data
     * to scripts through data-* attributes. (Inline style attributes stay allowed: they carry widths, not code.)
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
    }

    /**
     * No Spring Security observations: they wrapped each of the chain's dozen filters in its own observation, which a
     * JFR profile of the webhook at full load put at about a third of the request thread's CPU and most of its
     * allocation (issue 18). Requests are still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain operatorChain(HttpSecurity http, @Value("${rostra.admin-token:}") String adminToken) throws Exception {
        headers(http);
        // Metrics name tenants' volumes and failures: only the operator scrapes them (Prometheus' bearer token).
        return http.securityMatcher("/api/v1/companies", "/api/v1/companies/**", "/actuator/prometheus", "/actuator/metrics",
                        "/actuator/metrics/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new OperatorTokenFilter(adminToken), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("OPERATOR"))
                .build();
    }

    /** Health stays open (load balancers, Kubernetes probes); with the operator token it also shows the details. */
    @Bean
    @Order(0)
    SecurityFilterChain healthChain(HttpSecurity http, @Value("${rostra.admin-token:}") String adminToken) throws Exception {
        headers(http);
        return http.securityMatcher("/actuator/health", "/actuator/health/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new OperatorTokenFilter(adminToken, true), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webhookChain(HttpSecurity http, ApiKeys apiKeys) throws Exception {
        // Gladly's deliveries never log out, follow a saved request, use the servlet security API or act anonymously:
        // those filters only cost time on the busiest path (a missing key is still answered 401 by the entry point).
        http.logout(l -> l.disable()).requestCache(r -> r.disable()).servletApi(s -> s.disable()).anonymous(a -> a.disable());
        return apiKeyChain(http.securityMatcher("/webhooks/**"), new ApiKeyAuthenticationProvider(apiKeys, true),
                "Gladly webhook: configure Basic auth with a Rostra API key as both username and password.", "API", "WEBHOOK");
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys apiKeys) throws Exception {
        return apiKeyChain(http.securityMatcher("/api/**"), new ApiKeyAuthenticationProvider(apiKeys, false),
                "Authenticate with HTTP Basic: a company API key as the username; password empty or the same key.", "API");
    }

    private static SecurityFilterChain apiKeyChain(HttpSecurity http, ApiKeyAuthenticationProvider provider, String hint,
                                                   String... roles)
            throws Exception {
        headers(http);
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Rostra API\"");
            ProblemResponses.write(response, 401, "Unauthorized", hint);
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                ProblemResponses.write(response, 403, "Forbidden", "This key may not do that (a webhook key is for Gladly's webhook only).");
        return http
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(new ProviderManager(provider))
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(roles))
                .build();
    }

    /** The usual "/login?error" redirect, counted: a burst of failures is what an operator alerts on. */
    private static org.springframework.security.web.authentication.AuthenticationFailureHandler countingFailures(LoginThrottle throttle) {
        var redirect = new org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            io.micrometer.core.instrument.Metrics.counter("rostra.login.failures").increment();
            throttle.failed(request.getParameter("username"), request.getRemoteAddr());
            redirect.onAuthenticationFailure(request, response, exception);
        };
    }

    /**
     * Form login checks the password as usual, then keeps a principal without the hash, so the session (and anything
     * that serializes it) never holds it.
     */
    static org.springframework.security.authentication.AuthenticationManager pageLogin(CompanyUserDetailsService users,
                                                                                       PasswordEncoder passwords) {
        return authentication -> {
            String email = authentication.getName();
            Object raw = authentication.getCredentials();
            CompanyUser user = users.signIn(email, raw == null ? null : raw.toString(), passwords)
                    .orElseThrow(() -> new org.springframework.security.authentication.BadCredentialsException("Bad credentials"));
            return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(user, null,
                    user.getAuthorities());
        };
    }

    @Bean
    @Order(4)
    SecurityFilterChain pageChain(HttpSecurity http, CompanyUserDetailsService users, PasswordEncoder passwords,
                                  LoginThrottle throttle) throws Exception {
        headers(http);
        return http
                .addFilterBefore(throttle.filter(),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .authenticationManager(pageLogin(users, passwords))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // Deny by default. Agents: Realtime and the team's schedule, read-only. Managers: planning
                        // (queues, forecasts, staffing, schedules, people). Admins: also the company's settings.
                        .requestMatchers("/settings/queues", "/settings/queues/**").hasAnyRole("ADMIN", "MANAGER")
                        .requestMatchers("/settings", "/settings/**").hasRole("ADMIN")
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/", "/realtime", "/realtime/**", "/schedules",
                                "/schedules/template.csv").authenticated()
                        .requestMatchers("/logout").authenticated()
                        .requestMatchers("/people/*/timeline").hasAnyRole("ADMIN", "MANAGER")
                        .anyRequest().hasAnyRole("ADMIN", "MANAGER"))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .failureHandler(countingFailures(throttle)))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .build();
    }
}
