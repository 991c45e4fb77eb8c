package com.marketpulse.delivery.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A push service on loopback speaking RFC 8030's side of it: every POST to a subscription's endpoint is recorded
 * (headers and the encrypted body as bytes) and answered 201 Created with a Location, or with the statuses a test
 * scripted for that endpoint first (503, 410, ...). What a browser would then show is what
 * {@link BrowserSubscription#decrypt} reads from the recorded body.
 */
public final class FakePushService implements AutoCloseable {

    /** One push message as received. */
    public record Received(String path, Map<String, String> headers, byte[] body, int status, Instant at) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();

    public FakePushService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            Deque<Integer> statuses = scripted.get(path);
            Integer next;
            synchronized (this) {
                next = statuses == null ? null : statuses.poll();
            }
            int status = next == null ? 201 : next;
            received.add(new Received(path, headers, body, status, Instant.now()));
            if (status == 201) {
                exchange.getResponseHeaders().add("Location", "/message/" + received.size());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** A subscription endpoint on this service. */
    public String endpoint(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next requests to {@code path} are answered with these statuses, in order; then 201. */
    public void answer(String path, Integer... statuses) {
        scripted.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
