package com.rostra.tenancy;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.Bucket;

/**
 * Guessing passwords costs time: each failed sign-in takes a token from the account's bucket and from the address's;
 * with either empty, sign-ins for it are refused (429) until the bucket refills, right or wrong password. Buckets live
 * on the node (a guesser spread over nodes gets each node's allowance; fine for a handful of nodes). The address is
 * the request's remote address, which behind a trusted proxy is the client's from X-Forwarded-For
 * ({@code server.forward-headers-strategy=native}), not the proxy's: otherwise every client would share one bucket.
 */
@Component
class LoginThrottle {

    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    LoginThrottle(@Value("${rostra.login.failures-per-account:5}") int perAccount,
                  @Value("${rostra.login.failures-per-address:50}") int perAddress,
                  @Value("${rostra.login.failure-window:15m}") Duration window) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    boolean blocked(String username, String address) {
        return bucket(accounts, account(username), perAccount).getAvailableTokens() <= 0
                || bucket(addresses, address, perAddress).getAvailableTokens() <= 0;
    }

    void failed(String username, String address) {
        bucket(accounts, account(username), perAccount).tryConsume(1);
        bucket(addresses, address, perAddress).tryConsume(1);
    }

    private static String account(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, window)).build());
    }

    /** Refuses a sign-in attempt for a throttled account or address before the password is even checked. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (blocked(request.getParameter("username"), request.getRemoteAddr())) {
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
