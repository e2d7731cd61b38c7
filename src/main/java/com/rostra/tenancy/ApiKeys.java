package com.rostra.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.Db;
import com.rostra.platform.NotFoundException;

/**
 * Company API keys. A key is shown once, at creation; only its SHA-256 is stored. Keys carry 256 bits of
 * randomness, so a fast hash is safe here (no dictionary to attack) and lets authentication be one
 * indexed lookup, which matters on the webhook path.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "rk_";
    /** last_used_at is informative; writing it on every request would double the webhook path's writes. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /**
     * Recently authenticated keys, so the webhook's hot path does not query the database on every delivery.
     * Revoking evicts at once on this node; another node notices within the time-to-live.
     */
    private static final Duration CACHE_TTL = Duration.ofSeconds(10);
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(ApiKeyPrincipal principal, Instant until) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code api}: the company API and Gladly's webhook; {@code webhook}: Gladly's webhook only. */
    public static final String SCOPE_API = "api";
    public static final String SCOPE_WEBHOOK = "webhook";

    public record NewApiKey(long id, String name, String key, Instant createdAt, String scope) {}

    public record ApiKeySummary(long id, String name, String keyPrefix, Instant createdAt, Instant lastUsedAt, String scope) {}

    public NewApiKey create(CompanyId company, String name) {
        return create(company, name, SCOPE_API);
    }

    public NewApiKey create(CompanyId company, String name, String scope) {
        return createWithKey(company, name, generate(), scope);
    }

    /** For demo mode, where the operator fixes the key so scripted tours can use it. */
    public NewApiKey createWithKey(CompanyId company, String name, String key) {
        return createWithKey(company, name, key, SCOPE_API);
    }

    @Transactional
    public NewApiKey createWithKey(CompanyId company, String name, String key, String scope) {
        if (!SCOPE_API.equals(scope) && !SCOPE_WEBHOOK.equals(scope)) {
            throw new com.rostra.platform.InvalidRequestException("scope", "must be api or webhook");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = Db.insert(jdbc.sql("""
                insert into api_keys (company_id, name, key_hash, key_prefix, created_at, scope)
                values (?, ?, ?, ?, ?, ?)""")
                .params(company.value(), name.strip(), hash(key), key.substring(0, Math.min(8, key.length())), Db.ts(now), scope));
        return new NewApiKey(id, name.strip(), key, now, scope);
    }

    public List<ApiKeySummary> list(CompanyId company) {
        return jdbc.sql("""
                select id, name, key_prefix, created_at, last_used_at, scope from api_keys
                where company_id = ? and revoked_at is null order by id""")
                .param(company.value())
                .query((rs, i) -> new ApiKeySummary(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
                        Db.instant(rs, "created_at"), Db.instant(rs, "last_used_at"), rs.getString("scope")))
                .list();
    }

    @Transactional
    public void revoke(CompanyId company, long keyId) {
        int updated = jdbc.sql("update api_keys set revoked_at = ? where company_id = ? and id = ? and revoked_at is null")
                .params(Db.ts(clock.instant()), company.value(), keyId).update();
        cache.values().removeIf(c -> c.principal().apiKeyId() == keyId);
        // Evicted again once the revoke is committed: a request between the first eviction and the commit still saw
        // the key active and may have cached it again.
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            cache.values().removeIf(c -> c.principal().apiKeyId() == keyId);
                        }
                    });
        }
        if (updated == 0) {
            throw new NotFoundException("API key");
        }
    }

    /** The principal for a presented key, or empty when the key is unknown or revoked. */
    public Optional<ApiKeyPrincipal> authenticate(String presentedKey) {
        if (presentedKey == null || !presentedKey.startsWith(PREFIX) || presentedKey.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(presentedKey);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.principal());
        }
        Optional<KeyRow> row = jdbc.sql("""
                select id, company_id, name, last_used_at, scope from api_keys where key_hash = ? and revoked_at is null""")
                .param(hash)
                .query((rs, i) -> new KeyRow(rs.getLong("id"), rs.getLong("company_id"), rs.getString("name"),
                        Db.instant(rs, "last_used_at"), rs.getString("scope")))
                .optional();
        row.ifPresent(this::touch);
        Optional<ApiKeyPrincipal> principal = row.map(r -> new ApiKeyPrincipal(new CompanyId(r.companyId()), r.id(), r.name(), r.scope()));
        principal.ifPresent(p -> cache.put(hash, new Cached(p, now.plus(CACHE_TTL))));
        return principal;
    }

    private record KeyRow(long id, long companyId, String name, Instant lastUsedAt, String scope) {}

    private void touch(KeyRow row) {
        Instant now = clock.instant();
        if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            jdbc.sql("update api_keys set last_used_at = ? where id = ?").params(Db.ts(now), row.id()).update();
        }
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean looksLikeKey(String value) {
        return value != null && value.startsWith(PREFIX) && value.length() >= 20;
    }

    /** One digest per thread: looking the algorithm up in the providers on every request showed in the webhook's profile. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String hash(String key) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
