package com.rostra.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.rostra.gladly.GladlyConnections;
import com.rostra.simulator.GladlySimulator;
import com.rostra.simulator.SimulatorConfig;

/**
 * Starts the Gladly simulator next to Rostra and connects the demo company to it exactly as a customer
 * connects real Gladly: username, API token and base URL, verified before saving.
 */
@Component
@Profile("demo")
class DemoGladly implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoGladly.class);

    private final GladlyConnections connections;
    private final int simulatorPort;
    private final int backfillDays;
    private final Environment environment;
    private final DemoSchedule schedule;
    private final Clock clock;
    private final DemoHistory history;
    private GladlySimulator simulator;

    DemoGladly(GladlyConnections connections, @Value("${rostra.demo.simulator-port:0}") int simulatorPort,
               @Value("${rostra.demo.backfill-days:28}") int backfillDays, Environment environment, DemoSchedule schedule,
               Clock clock, DemoHistory history) {
        this.clock = clock;
        this.history = history;
        this.schedule = schedule;
        this.connections = connections;
        this.simulatorPort = simulatorPort;
        this.backfillDays = backfillDays;
        this.environment = environment;
    }

    // After commit: the simulated Gladly pings the webhook at once, and the demo key must exist by then.
    @TransactionalEventListener
    void onDemoCompany(DemoCompanyReady ready) {
        simulator = new GladlySimulator(SimulatorConfig.defaults(42), clock).start(simulatorPort);
        SimulatorConfig config = simulator.config();
        connections.connect(ready.companyId(), new GladlyConnections.ConnectRequest(config.apiUserEmail(),
                config.apiToken(), null, simulator.baseUrl(), backfillDays));
        log.info("Demo: simulated Gladly organization '{}' at {} connected; backfilling {} days of contacts",
                config.organization(), simulator.baseUrl(), backfillDays);
        addAgentStatesWebhook(ready.apiKey());
        schedule.seedWhenAgentsAreKnown(ready.companyId(), simulator.organization(), config.timeZone());
        history.importInBackground(ready, simulator.organization(), config.timeZone(), backfillDays);
    }

    /** What a Gladly admin does in Settings › Webhooks, done through Gladly's (simulated) webhooks API. */
    private void addAgentStatesWebhook(String apiKey) {
        String url = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/webhooks/gladly";
        String gladlyAuth = "Basic " + Base64.getEncoder().encodeToString(
                (simulator.config().apiUserEmail() + ":" + simulator.config().apiToken()).getBytes(StandardCharsets.UTF_8));
        String body = """
                {"name":"Rostra Agent States","url":"%s","events":["AGENT_STATUS/LOGGED_IN","AGENT_STATUS/LOGGED_OUT",
                 "AGENT_STATUS/WENT_AWAY","AGENT_STATUS/RETURNED_FROM_AWAY","AGENT_STATUS/CHANGED_ACTIVE_REASON",
                 "AGENT_AVAILABILITY/UPDATED","CONTACT/STARTED"],
                 "credentials":{"username":"%s","password":"%s"},"enabled":true}""".formatted(url, apiKey, apiKey);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/webhooks"))
                    .header("Authorization", gladlyAuth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                log.warn("Demo: the simulated Gladly refused the webhook ({}): {}", r.statusCode(), r.body());
            } else {
                log.info("Demo: webhook 'Rostra Agent States' enabled in the simulated Gladly, pointing at {}", url);
            }
        } catch (IOException e) {
            log.warn("Demo: could not create the webhook in the simulated Gladly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
