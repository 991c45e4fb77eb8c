package com.marketpulse.dashboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;


import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.marketpulse.api.contract.AlertDto;

/**
 * A stand-in for api-service with the contract the dashboard relies on: accounts (demo/demo123), portfolios,
 * symbols, alert listings and a live Server-Sent Events stream filtered by the caller's portfolio.
 */
public final class FakeApi extends Dispatcher implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> passwords = new ConcurrentHashMap<>(Map.of("demo", "demo123"));
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final Map<String, List<String>> portfolios = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Double>> quantities = new ConcurrentHashMap<>();
    private final List<AlertDto> alerts = new CopyOnWriteArrayList<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<String> symbols = List.of("BTC/USD", "ETH/USD", "SOL/USD");
    private volatile boolean streamAvailable = true;
    private volatile int throttleLogins;

    private record Subscriber(@Nullable String user, BlockingQueue<String> frames) {
    }

    public FakeApi start() throws IOException {
        server.setDispatcher(this);
        server.start();
        return this;
    }

    public String url() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** Stores an alert (newest first) and pushes it to every open stream that should see it. */
    public void publish(AlertDto alert) {
        alerts.addFirst(alert);
        String frame = "event: alert\nid: " + alert.id() + "\ndata: " + JSON.writeValueAsString(alert) + "\n\n";
        for (Subscriber subscriber : subscribers) {
            if (subscriber.user() == null || portfolio(subscriber.user()).contains(alert.symbol())) {
                subscriber.frames().add(frame);
            }
        }
    }

    public void addUser(String username, String password) {
        passwords.put(username, password);
    }

    public List<String> portfolio(String user) {
        return portfolios.getOrDefault(user, List.of());
    }

    public Map<String, Double> quantities(String user) {
        return quantities.getOrDefault(user, Map.of());
    }

    public int openStreams() {
        return subscribers.size();
    }

    /** While false, the stream answers 503 so that the dashboard must fall back to polling. */
    public void streamAvailable(boolean available) {
        streamAvailable = available;
        if (!available) {
            subscribers.forEach(s -> s.frames().add(END));
        }
    }

    /** Forgets every token, as after their expiry, and ends the open streams (clients reconnect with them). */
    public void expireTokens() {
        users.clear();
        subscribers.forEach(s -> s.frames().add(END));
    }

    /** Answers the next n logins with 429. */
    public void throttleNextLogins(int n) {
        throttleLogins = n;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        String user = userOf(request);
        return switch (method + " " + path) {
            case "POST /api/auth/login" -> login(request);
            case "POST /api/auth/register" -> register(request);
            case "POST /api/auth/logout" -> user == null ? problem(401, "Not logged in") : loggedOut(request);
            case "GET /api/me" -> user == null ? problem(401, "Not logged in") : json(200, Map.of("username", user));
            case "GET /api/me/portfolio" -> user == null ? problem(401, "Not logged in")
                    : json(200, Map.of("symbols", portfolio(user), "quantities", quantities(user)));
            case "PUT /api/me/portfolio" -> user == null ? problem(401, "Not logged in") : savePortfolio(user, request);
            case "GET /api/symbols" -> json(200, symbols.stream()
                    .map(s -> Map.of("symbol", s, "lastPrice", 102.0, "lastTime", "2026-11-24T12:59:00Z")).toList());
            case "GET /api/me/alerts" -> user == null ? problem(401, "Not logged in") : page(portfolio(user), request);
            case "GET /api/alerts" -> page(Set.copyOf(symbols), request);
            case "GET /api/alerts/stream" -> stream(user, request);
            case "GET /api/status" -> json(200, STATUS);
            default -> path.startsWith("/api/symbols/") && path.endsWith("/bars") && method.equals("GET")
                    ? bars()
                    : problem(404, "No such endpoint: " + method + " " + path);
        };
    }

    private static final Map<String, Object> STATUS = Map.of(
            "status", "DEGRADED",
            "checkedAt", "2026-11-24T13:00:00Z",
            "stages", List.of(Map.of("name", "kafka", "status", "UP", "detail", "1 broker(s) reachable"),
                    Map.of("name", "detection-service", "status", "DOWN", "detail", "connection refused")),
            "symbols", List.of(Map.of("symbol", "BTC/USD", "lastBarTime", "2026-11-24T12:59:00Z", "lastTickAgeSeconds", 4)),
            "modelVersion", "iforest-test",
            "alertsLastHour", 7,
            "consumerLag", List.of(Map.of("group", "feature-service", "topic", "market.crypto", "lag", 12)));

    /** The last hour as two one-minute bars, 59 minutes apart: the price went from 100 (first open) to 102. */
    private static MockResponse bars() {
        var now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return json(200, List.of(
                Map.of("start", now.minusSeconds(59 * 60).toString(), "open", 100.0, "high", 101.0, "low", 99.0,
                        "close", 100.5, "volume", 3.0, "trades", 20),
                Map.of("start", now.toString(), "open", 101.0, "high", 102.5, "low", 100.8, "close", 102.0,
                        "volume", 2.0, "trades", 12)));
    }

    private MockResponse login(RecordedRequest request) {
        if (throttleLogins > 0) {
            throttleLogins--;
            return new MockResponse.Builder().code(429).setHeader("Retry-After", "30")
                    .setHeader("Content-Type", "application/problem+json")
                    .body("{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Too many login attempts\"}").build();
        }
        JsonNode body = JSON.readTree(request.getBody().utf8());
        String username = body.get("username").asString();
        if (!body.get("password").asString().equals(passwords.get(username))) {
            return problem(401, "Bad credentials");
        }
        String token = UUID.randomUUID().toString();
        users.put(token, username);
        return json(200, Map.of("token", token, "expiresAt", "2099-01-01T00:00:00Z"));
    }

    private MockResponse register(RecordedRequest request) {
        JsonNode body = JSON.readTree(request.getBody().utf8());
        String username = body.get("username").asString();
        String password = body.get("password").asString();
        if (password.length() < 8) {
            return problem(400, "Password must have at least 8 characters");
        }
        if (passwords.putIfAbsent(username, password) != null) {
            return problem(409, "User name already taken");
        }
        return new MockResponse.Builder().code(201).build();
    }

    private MockResponse loggedOut(RecordedRequest request) {
        users.remove(bearer(request));
        return new MockResponse.Builder().code(204).build();
    }

    private MockResponse savePortfolio(String user, RecordedRequest request) {
        JsonNode body = JSON.readTree(request.getBody().utf8());
        List<String> chosen = new ArrayList<>();
        body.get("symbols").forEach(s -> chosen.add(s.asString()));
        portfolios.put(user, List.copyOf(chosen));
        Map<String, Double> amounts = new java.util.HashMap<>();
        JsonNode given = body.get("quantities");
        if (given != null && given.isObject()) {
            given.properties().forEach(entry -> amounts.put(entry.getKey(), entry.getValue().asDouble()));
        }
        quantities.put(user, Map.copyOf(amounts));
        return json(200, Map.of("symbols", chosen, "quantities", Map.of()));
    }

    private MockResponse page(java.util.Collection<String> visible, RecordedRequest request) {
        String limit = request.getUrl().queryParameter("limit");
        int max = limit == null ? 50 : Integer.parseInt(limit);
        var items = alerts.stream().filter(a -> visible.contains(a.symbol())).limit(max).toList();
        var page = new java.util.HashMap<String, Object>();
        page.put("items", items);
        page.put("nextCursor", null);
        return json(200, page);
    }

    private MockResponse stream(@Nullable String user, RecordedRequest request) {
        if (!streamAvailable) {
            return problem(503, "Stream unavailable");
        }
        if (request.getHeaders().get("Authorization") != null && user == null) {
            return problem(401, "Token expired");
        }
        var subscriber = new Subscriber(user, new LinkedBlockingQueue<>());
        subscribers.add(subscriber);
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .setHeader("Cache-Control", "no-cache")
                .body(new SseBody(subscriber))
                .build();
    }

    private static final String END = "\u0000end";

    private final class SseBody implements MockResponseBody {

        private final Subscriber subscriber;

        SseBody(Subscriber subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try {
                sink.writeUtf8(": connected\n\n").flush();
                while (true) {
                    String frame = subscriber.frames().poll(500, TimeUnit.MILLISECONDS);
                    if (END.equals(frame)) {
                        // ends the connection, so that the client sees the stream end (the body has no length)
                        sink.close();
                        return;
                    }
                    sink.writeUtf8(frame == null ? ": keep-alive\n\n" : frame).flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                subscribers.remove(subscriber);
            }
        }
    }

    private @Nullable String userOf(RecordedRequest request) {
        String token = bearer(request);
        return token == null ? null : users.get(token);
    }

    private static @Nullable String bearer(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    private static MockResponse json(int code, Object body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(JSON.writeValueAsString(body)).build();
    }

    private static MockResponse problem(int code, String detail) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/problem+json")
                .body(JSON.writeValueAsString(Map.of("status", code, "detail", detail))).build();
    }

    @Override
    public void close() {
        subscribers.forEach(s -> s.frames().add(END));
        server.close();
    }
}
