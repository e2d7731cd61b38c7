package com.rostra.tenancy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Operator endpoints take {@code Authorization: Bearer $ROSTRA_ADMIN_TOKEN}; nothing else. */
class OperatorTokenFilter extends OncePerRequestFilter {

    private final byte[] token;
    private final boolean optional;

    OperatorTokenFilter(String token) {
        this(token, false);
    }

    /** {@code optional}: a request without a valid token goes on anonymously (health: open, details for the operator). */
    OperatorTokenFilter(String token, boolean optional) {
        this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
        this.optional = optional;
    }

    private boolean valid(String header) {
        return token.length > 0 && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), token);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (optional) {
            if (valid(header)) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "operator", null, List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
            }
            chain.doFilter(request, response);
            return;
        }
        if (token.length == 0) {
            ProblemResponses.write(response, 401, "Unauthorized",
                    "Operator endpoints are disabled: set ROSTRA_ADMIN_TOKEN to enable them.");
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemResponses.write(response, 401, "Unauthorized", "Send the operator token as 'Authorization: Bearer <token>'.");
            return;
        }
        byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, token)) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemResponses.write(response, 401, "Unauthorized", "The operator token is not valid.");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "operator", null, List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
        chain.doFilter(request, response);
    }
}
