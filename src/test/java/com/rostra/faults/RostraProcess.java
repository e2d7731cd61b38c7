package com.rostra.faults;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rostra.support.TestClocks;

/**
 * Rostra as its own operating-system process, so a test can kill it with SIGKILL (no shutdown hook, no graceful
 * drain) and start it again on the same database, as an operator's crash and restart would.
 */
final class RostraProcess {

    static final String OPERATOR_TOKEN = "fault-operator-token";
    private static final String ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private final Process process;
    private final int port;

    private RostraProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts Rostra on {@code dbUrl} and waits until it reports healthy. */
    static RostraProcess start(String dbUrl, int port, Path log, Path dataDir) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "com.rostra.RostraApplication",
                "--server.port=" + port,
                // Its own scheduler name (the default is the host's, the same for every node here), so a test can tell
                // which node has picked a sync; a restarted node keeps its name.
                "--db-scheduler.scheduler-name=" + schedulerName(port),
                // The child's clock starts where the test's (and the simulator's) clock is now.
                "--rostra.clock.start-at=" + TestClocks.now(),
                "--rostra.gladly.allowed-hosts=127.0.0.1,localhost",
                "--rostra.gladly.data-dir=" + dataDir,
                "--rostra.admin-token=" + OPERATOR_TOKEN,
                "--rostra.gladly.encryption-key=" + ENCRYPTION_KEY,
                "--spring.datasource.hikari.connection-timeout=2000",
                "--spring.datasource.hikari.validation-timeout=1000",
                "--db-scheduler.polling-interval=1s",
                // A picked sync whose node stopped beating is declared dead after 8 x 2 s = 16 s here instead of the
                // production 4 x 15 s, so the revival the tests wait for comes well before a minute; 16 s stays far
                // above the heartbeat gap a live node shows across the 5 s database outage.
                "--db-scheduler.heartbeat-interval=2s",
                "--db-scheduler.missed-heartbeats-limit=8",
                // A sync that failed while the database was away runs again 5 s later (production: a minute).
                "--rostra.gladly.sync-retry-base=5s",
                // Small reports: a backfill of a few thousand contacts takes several windows, each checkpointed.
                "--rostra.gladly.target-rows-per-report=2000",
                "--logging.level.root=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("ROSTRA_DB_URL", dbUrl);
        builder.environment().put("ROSTRA_DB_USER", "postgres");
        builder.environment().put("ROSTRA_DB_PASSWORD", "");
        builder.directory(new File(dataDir.toString()));
        RostraProcess node = new RostraProcess(builder.start(), port);
        node.awaitHealthy(Duration.ofMinutes(3));
        return node;
    }

    private void awaitHealthy(Duration patience) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Rostra exited with " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Rostra did not become healthy within " + patience);
    }

    static String schedulerName(int port) {
        return "rostra-node-" + port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hooks, no draining, connections dropped mid-transaction. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }
}
