package com.rostra.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
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
    private GladlySimulator simulator;

    DemoGladly(GladlyConnections connections, @Value("${rostra.demo.simulator-port:0}") int simulatorPort,
               @Value("${rostra.demo.backfill-days:28}") int backfillDays) {
        this.connections = connections;
        this.simulatorPort = simulatorPort;
        this.backfillDays = backfillDays;
    }

    @EventListener
    void onDemoCompany(DemoCompanyReady ready) {
        simulator = new GladlySimulator(SimulatorConfig.defaults(42)).start(simulatorPort);
        SimulatorConfig config = simulator.config();
        connections.connect(ready.companyId(), new GladlyConnections.ConnectRequest(config.apiUserEmail(),
                config.apiToken(), null, simulator.baseUrl(), backfillDays));
        log.info("Demo: simulated Gladly organization '{}' at {} connected; backfilling {} days of contacts",
                config.organization(), simulator.baseUrl(), backfillDays);
    }

    @Override
    public void destroy() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
