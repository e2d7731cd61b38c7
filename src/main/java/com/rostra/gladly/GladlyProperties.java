package com.rostra.gladly;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator settings for the Gladly integration.
 *
 * @param allowedHosts extra hosts a tenant may point Rostra at besides *.gladly.com / *.gladly.qa (e.g. the simulator)
 * @param encryptionKey base64 AES-256 key for API tokens at rest; blank = a key file under {@code dataDir}
 * @param requestsPerSecond steady request rate per connection: 8/s keeps any minute under 500 and any second under 10
 * @param reportsPerMinute Reports API calls allowed in any sliding minute (Gladly: 10), paced by {@code ReportPacing}
 * @param reportWindowMargin added to that minute, for network jitter between our clock and Gladly's
 * @param rateLimitPatience how long one request keeps backing off from 429s before the run gives up
 * @param syncRetryBase the wait before a failed sync runs again, doubled with each failure in a row (up to 32 times)
 */
@ConfigurationProperties("rostra.gladly")
public record GladlyProperties(
        List<String> allowedHosts,
        String encryptionKey,
        String dataDir,
        int defaultBackfillDays,
        Duration syncInterval,
        Duration trailingWindow,
        Duration maxWindow,
        int targetRowsPerReport,
        int requestsPerSecond,
        int reportsPerMinute,
        Duration reportWindowMargin,
        int callLookupsPerRun,
        Duration httpTimeout,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        Duration rateLimitPatience,
        Duration syncRetryBase) {

    public GladlyProperties {
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
        defaultBackfillDays = defaultBackfillDays <= 0 ? 90 : defaultBackfillDays;
        syncInterval = syncInterval == null ? Duration.ofMinutes(5) : syncInterval;
        trailingWindow = trailingWindow == null ? Duration.ofHours(24) : trailingWindow;
        maxWindow = maxWindow == null ? Duration.ofDays(31) : maxWindow;
        targetRowsPerReport = targetRowsPerReport <= 0 ? 95_000 : targetRowsPerReport;
        requestsPerSecond = requestsPerSecond <= 0 ? 8 : requestsPerSecond;
        reportsPerMinute = reportsPerMinute <= 0 ? 10 : reportsPerMinute;
        reportWindowMargin = reportWindowMargin == null ? Duration.ofSeconds(1) : reportWindowMargin;
        callLookupsPerRun = callLookupsPerRun < 0 ? 100 : callLookupsPerRun;
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(120) : httpTimeout;
        maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
        backoffBase = backoffBase == null ? Duration.ofSeconds(1) : backoffBase;
        backoffMax = backoffMax == null ? Duration.ofSeconds(60) : backoffMax;
        rateLimitPatience = rateLimitPatience == null ? Duration.ofMinutes(10) : rateLimitPatience;
        syncRetryBase = syncRetryBase == null ? Duration.ofMinutes(1) : syncRetryBase;
    }

    /** The same settings for checking credentials, which should answer in seconds, not retry for minutes. */
    GladlyProperties forVerification() {
        return new GladlyProperties(allowedHosts, encryptionKey, dataDir, defaultBackfillDays, syncInterval, trailingWindow,
                maxWindow, targetRowsPerReport, requestsPerSecond, reportsPerMinute, reportWindowMargin, callLookupsPerRun,
                Duration.ofSeconds(20), 2, backoffBase, backoffMax, Duration.ofSeconds(20), syncRetryBase);
    }
}
