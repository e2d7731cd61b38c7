package com.rostra.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A round-robin HTTP load balancer in front of the Rostra nodes, as Gladly's webhook reaches them in production: each
 * delivery goes to the next node in turn. A node that refuses the connection (it is down) is passed over for the next
 * one, as a load balancer's retry on connect errors does; a delivery cut off after it was sent (the node killed while
 * serving it) answers 502, so Gladly retries it, and the retry lands wherever the rotation points then. Counts the
 * deliveries each node acknowledged, so a test can tell the traffic was split.
 */
final class LoadBalancer implements AutoCloseable {

    private final List<String> nodes;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "load-balancer");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final AtomicInteger turn = new AtomicInteger();
    private record Acknowledged(int node, String body) {}

    private final java.util.Queue<Acknowledged> acknowledged = new java.util.concurrent.ConcurrentLinkedQueue<>();

    LoadBalancer(List<String> nodeBaseUrls) throws IOException {
        this.nodes = List.copyOf(nodeBaseUrls);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.setExecutor(workers);
        server.createContext("/", this::forward);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Deliveries whose body contains {@code marker} that node {@code index} (in the order given) answered with a 2xx. */
    int acknowledgedBy(int index, String marker) {
        return (int) acknowledged.stream().filter(a -> a.node() == index && a.body().contains(marker)).count();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int first = Math.floorMod(turn.getAndIncrement(), nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                int node = (first + i) % nodes.size();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.get(node) + exchange.getRequestURI()))
                        .timeout(Duration.ofSeconds(8))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                for (String header : List.of("Authorization", "Content-Type")) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) request.header(header, value);
                }
                try {
                    HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() / 100 == 2) {
                        acknowledged.add(new Acknowledged(node, new String(body, java.nio.charset.StandardCharsets.UTF_8)));
                    }
                    respond(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
                    return;
                } catch (ConnectException | HttpConnectTimeoutException down) {
                    // Nothing was sent: the next node takes it.
                } catch (IOException cutOff) {
                    respond(exchange, 502, null, new byte[0]);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    respond(exchange, 502, null, new byte[0]);
                    return;
                }
            }
            respond(exchange, 502, null, new byte[0]);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
