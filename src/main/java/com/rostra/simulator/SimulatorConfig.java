package com.rostra.simulator;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * What organization to simulate. The same seed always yields the same agents, contacts and events.
 *
 * @param contactsPerDay average contacts on a weekday; the intraday curve follows the US bank call-center profile
 * @param webhookRetryDelays Gladly retries after 30 s, 5 min, 30 min and 1 h; tests shorten these
 * @param phonePatienceSeconds mean of the callers' exponential patience: an inbound call abandons when its patience
 *        runs out before an agent would have answered, so Erlang A's patience has a known truth to recover
 */
public record SimulatorConfig(
        long seed,
        String organization,
        ZoneId timeZone,
        int agents,
        double contactsPerDay,
        String apiUserEmail,
        String apiToken,
        List<Duration> webhookRetryDelays,
        Duration webhookTimeout,
        int reportRowCap,
        double phonePatienceSeconds) {

    /** About 9 % of live calls abandon against the 45-second mean offered wait: 45 / (45 + 450). */
    public static final double DEFAULT_PHONE_PATIENCE_SECONDS = 450;

    public SimulatorConfig {
        if (!(phonePatienceSeconds > 0) || Double.isInfinite(phonePatienceSeconds)) {
            throw new IllegalArgumentException("phonePatienceSeconds must be positive and finite: " + phonePatienceSeconds);
        }
    }

    public static SimulatorConfig defaults(long seed) {
        return new SimulatorConfig(seed, "acme", ZoneId.of("America/New_York"), 20, 800,
                "api.user@acme.example", "sim-token-" + Long.toHexString(seed),
                List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1)),
                Duration.ofSeconds(15), 100_000, DEFAULT_PHONE_PATIENCE_SECONDS);
    }

    public SimulatorConfig withContactsPerDay(double perDay) {
        return new SimulatorConfig(seed, organization, timeZone, agents, perDay, apiUserEmail, apiToken,
                webhookRetryDelays, webhookTimeout, reportRowCap, phonePatienceSeconds);
    }

    public SimulatorConfig withAgents(int count) {
        return new SimulatorConfig(seed, organization, timeZone, count, contactsPerDay, apiUserEmail, apiToken,
                webhookRetryDelays, webhookTimeout, reportRowCap, phonePatienceSeconds);
    }

    public SimulatorConfig withWebhookRetryDelays(List<Duration> delays, Duration timeout) {
        return new SimulatorConfig(seed, organization, timeZone, agents, contactsPerDay, apiUserEmail, apiToken,
                List.copyOf(delays), timeout, reportRowCap, phonePatienceSeconds);
    }

    public SimulatorConfig withReportRowCap(int cap) {
        return new SimulatorConfig(seed, organization, timeZone, agents, contactsPerDay, apiUserEmail, apiToken,
                webhookRetryDelays, webhookTimeout, cap, phonePatienceSeconds);
    }

    public SimulatorConfig withPhonePatienceSeconds(double meanSeconds) {
        return new SimulatorConfig(seed, organization, timeZone, agents, contactsPerDay, apiUserEmail, apiToken,
                webhookRetryDelays, webhookTimeout, reportRowCap, meanSeconds);
    }

    /** The user who has no "API User" permission: Gladly answers 403 for it. */
    public String agentUserEmail() {
        return "agent.user@" + organization + ".example";
    }

    public String agentUserToken() {
        return apiToken + "-agent";
    }
}
