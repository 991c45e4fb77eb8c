package com.marketpulse.dashboard;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.AlertPage;
import com.marketpulse.api.contract.AlertRules;
import com.marketpulse.api.contract.BarDto;
import com.marketpulse.api.contract.Channel;
import com.marketpulse.api.contract.ChannelCreated;
import com.marketpulse.api.contract.Credentials;
import com.marketpulse.api.contract.IssuedToken;
import com.marketpulse.api.contract.Me;
import com.marketpulse.api.contract.Portfolio;
import com.marketpulse.api.contract.PushServerKey;
import com.marketpulse.api.contract.PushSubscriptionRequest;
import com.marketpulse.api.contract.Snooze;
import com.marketpulse.api.contract.SnoozeRequest;
import com.marketpulse.api.contract.StatusReport;
import com.marketpulse.api.contract.SymbolQuote;
import com.marketpulse.events.Symbols;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for api-service that speaks api-contract's records: accounts (demo/demo123), portfolios, symbols,
 * bars, alert listings, the pipeline status, a live Server-Sent Events stream filtered by the caller's
 * portfolio, backtest jobs ({@link FakeBacktests}) and alert rules and snoozes ({@link FakeNotifications}). Every answer it gives is kept in {@link #exchanges()}, so that {@code FakeApiContractTest} can hold
 * each payload against the API's OpenAPI document.
 */
public final class FakeApi extends Dispatcher implements AutoCloseable {

    /** One request the double answered; the bodies are JSON documents, or empty. */
    public record Exchange(String method, String path, Set<String> query, int status, String requestBody,
            String responseBody) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant CREATED = Instant.parse("2026-11-24T08:00:00Z");
    /** RFC 8291's example sender key: a P-256 point, as the API serves its VAPID key. */
    static final String VAPID_KEY =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String END = "\u0000end";
    private static final StatusReport STATUS = new StatusReport("DEGRADED", Instant.parse("2026-11-24T13:00:00Z"),
            List.of(new StatusReport.Stage("kafka", "UP", "1 broker(s) reachable"),
                    new StatusReport.Stage("detection-service", "DOWN", "connection refused")),
            List.of(new StatusReport.SymbolFreshness("BTC/USD", Instant.parse("2026-11-24T12:59:00Z"), null, 4L)),
            "iforest-test", 7, List.of(new StatusReport.ConsumerLag("feature-service", "market.crypto", 12)),
            List.of(new StatusReport.PartitionOwner("detection-scorer", "detection-service-2-0", "/127.0.0.1",
                    List.of("market.features-0", "market.features-2"))));

    private final MockWebServer server = new MockWebServer();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, String> passwords = new ConcurrentHashMap<>(Map.of("demo", "demo123"));
    private final Map<String, Long> userIds = new ConcurrentHashMap<>();
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final Map<String, Portfolio> portfolios = new ConcurrentHashMap<>();
    private final List<AlertDto> alerts = new CopyOnWriteArrayList<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<String> symbols = List.of("BTC/USD", "ETH/USD", "SOL/USD");
    private final FakeBacktests backtests = new FakeBacktests();
    private final FakeNotifications notifications = new FakeNotifications(symbols, this::symbolOfAlert);
    private volatile boolean streamAvailable = true;
    private volatile int throttleLogins;

    private record Subscriber(@Nullable String user, boolean everyCoin, BlockingQueue<String> frames) {
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
        String data = JSON.writeValueAsString(alert);
        exchanges.add(new Exchange("GET", "/api/alerts/stream", Set.of(), 200, "", data));
        String frame = "event: alert\nid: " + alert.id() + "\ndata: " + data + "\n\n";
        for (Subscriber subscriber : subscribers) {
            if (subscriber.user() == null || subscriber.everyCoin()
                    || portfolio(subscriber.user()).contains(alert.symbol())) {
                subscriber.frames().add(frame);
            }
        }
    }

    /** The backtest jobs' side of the double. */
    public FakeBacktests backtests() {
        return backtests;
    }

    /** The alert rules the user last saved (the API's defaults before). */
    public AlertRules rules(String user) {
        return notifications.rules(user);
    }

    /** The user's snoozes that have not ended. */
    public List<Snooze> snoozes(String user) {
        return notifications.snoozes(user);
    }

    /** Every snooze request received, oldest first. */
    public List<SnoozeRequest> snoozeRequests() {
        return exchanges.stream()
                .filter(e -> e.method().equals("POST") && e.path().equals("/api/me/snoozes"))
                .map(e -> JSON.readValue(e.requestBody(), SnoozeRequest.class))
                .toList();
    }

    /** Sets the user's portfolio (no quantities), as the portfolio page would. */
    public void hold(String user, String... symbols) {
        portfolios.put(user, Portfolio.of(List.of(symbols)));
    }

    public void addUser(String username, String password) {
        passwords.put(username, password);
    }

    public List<String> portfolio(String user) {
        return held(user).symbols();
    }

    public Map<String, Double> quantities(String user) {
        return held(user).quantities();
    }

    public int openStreams() {
        return subscribers.size();
    }

    /** Everything answered so far, oldest first, with the data of every streamed alert. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
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
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        if (path.equals("/api/alerts/stream")) {
            return stream(userOf(request), request);
        }
        Answer answer = path.startsWith("/api/backtests") ? backtests.answer(method, path, userOf(request), request)
                : answer(method, path, userOf(request), request, body);
        // a multipart upload is no JSON document; its fields are checked by FakeBacktests as it reads them
        String recorded = String.valueOf(request.getHeaders().get("Content-Type")).startsWith("multipart/") ? "" : body;
        exchanges.add(new Exchange(method, path, request.getUrl().queryParameterNames(), answer.status(), recorded,
                answer.json()));
        return answer.response();
    }

    private Answer answer(String method, String path, @Nullable String user, RecordedRequest request, String body) {
        Answer notification = notifications.answer(method, path, user, body);
        if (notification != null) {
            return notification;
        }
        boolean signedIn = user != null;
        return switch (method + " " + path) {
            case "POST /api/auth/login" -> login(JSON.readValue(body, Credentials.class));
            case "POST /api/auth/register" -> register(JSON.readValue(body, Credentials.class));
            case "POST /api/auth/logout" -> signedIn ? loggedOut(request) : problem(401, "Not logged in");
            case "GET /api/me" -> signedIn ? json(200, me(user)) : problem(401, "Not logged in");
            case "GET /api/me/portfolio" -> signedIn ? json(200, held(user)) : problem(401, "Not logged in");
            case "PUT /api/me/portfolio" -> signedIn ? save(user, JSON.readValue(body, Portfolio.class))
                    : problem(401, "Not logged in");
            case "GET /api/me/alerts" -> signedIn ? page(portfolio(user), request) : problem(401, "Not logged in");
            case "GET /api/alerts" -> page(Set.copyOf(symbols), request);
            case "GET /api/symbols" -> json(200, symbols.stream()
                    .map(s -> new SymbolQuote(s, Symbols.toPath(s), 102.0, Instant.parse("2026-11-24T12:59:00Z")))
                    .toList());
            case "GET /api/status" -> json(200, STATUS);
            case "GET /api/push/vapid-public-key" -> json(200, new PushServerKey(VAPID_KEY));
            case "POST /api/me/channels/webpush" -> signedIn ? json(201, new ChannelCreated(new Channel(
                    ids.incrementAndGet(), "WEBPUSH", "this browser",
                    JSON.readValue(body, PushSubscriptionRequest.class).endpoint(), true, true, false, CREATED, null), null))
                    : problem(401, "Not logged in");
            default -> path.startsWith("/api/symbols/") && path.endsWith("/bars") && method.equals("GET")
                    ? json(200, bars())
                    : problem(404, "No such endpoint: " + method + " " + path);
        };
    }

    /** The last hour as two one-minute bars, 59 minutes apart: the price went from 100 (first open) to 102. */
    private static List<BarDto> bars() {
        var now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        return List.of(new BarDto(now.minusSeconds(59 * 60), now.minusSeconds(58 * 60), 100.0, 101.0, 99.0, 100.5, 3.0, 20),
                new BarDto(now, now.plusSeconds(60), 101.0, 102.5, 100.8, 102.0, 2.0, 12));
    }

    private Answer login(Credentials credentials) {
        if (throttleLogins > 0) {
            throttleLogins--;
            return new Answer(429, "", new MockResponse.Builder().code(429).setHeader("Retry-After", "30")
                    .setHeader("Content-Type", "application/problem+json")
                    .body("{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Too many login attempts\"}").build());
        }
        if (!credentials.password().equals(passwords.get(credentials.username()))) {
            return problem(401, "Bad credentials");
        }
        String token = UUID.randomUUID().toString();
        users.put(token, credentials.username());
        return json(200, new IssuedToken(token, Instant.parse("2099-01-01T00:00:00Z")));
    }

    private Answer register(Credentials credentials) {
        if (credentials.password().length() < 8) {
            return problem(400, "Password must have at least 8 characters");
        }
        if (passwords.putIfAbsent(credentials.username(), credentials.password()) != null) {
            return problem(409, "User name already taken");
        }
        return json(201, me(credentials.username()));
    }

    private Me me(String user) {
        return new Me(userIds.computeIfAbsent(user, u -> ids.incrementAndGet()), user, CREATED);
    }

    private Answer loggedOut(RecordedRequest request) {
        users.remove(bearer(request));
        return new Answer(204, "", new MockResponse.Builder().code(204).build());
    }

    private Portfolio held(String user) {
        return portfolios.getOrDefault(user, Portfolio.of(List.of()));
    }

    private Answer save(String user, Portfolio requested) {
        var quantities = new LinkedHashMap<String, Double>();
        requested.quantities().forEach((symbol, quantity) -> {
            if (requested.symbols().contains(symbol)) {
                quantities.put(symbol, quantity);
            }
        });
        portfolios.put(user, new Portfolio(List.copyOf(requested.symbols()), Map.copyOf(quantities)));
        return json(200, held(user));
    }

    private Answer page(Collection<String> visible, RecordedRequest request) {
        String limit = request.getUrl().queryParameter("limit");
        int max = limit == null ? 50 : Integer.parseInt(limit);
        return json(200, new AlertPage(alerts.stream().filter(a -> visible.contains(a.symbol())).limit(max).toList(), null));
    }

    private MockResponse stream(@Nullable String user, RecordedRequest request) {
        if (!streamAvailable) {
            return problem(503, "Stream unavailable").response();
        }
        if (request.getHeaders().get("Authorization") != null && user == null) {
            return problem(401, "Token expired").response();
        }
        var subscriber = new Subscriber(user, "all".equals(request.getUrl().queryParameter("scope")),
                new LinkedBlockingQueue<>());
        subscribers.add(subscriber);
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .setHeader("Cache-Control", "no-cache")
                .body(new SseBody(subscriber))
                .build();
    }

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

    private Optional<String> symbolOfAlert(String alertId) {
        return alerts.stream().filter(alert -> alert.id().equals(alertId)).map(AlertDto::symbol).findFirst();
    }

    private @Nullable String userOf(RecordedRequest request) {
        String token = bearer(request);
        return token == null ? null : users.get(token);
    }

    private static @Nullable String bearer(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    /** An answer and the JSON body it carries ("" for none or for a problem, which the document does not describe). */
    record Answer(int status, String json, MockResponse response) {
    }

    static Answer json(int status, Object body) {
        String text = JSON.writeValueAsString(body);
        return new Answer(status, text, new MockResponse.Builder().code(status)
                .setHeader("Content-Type", "application/json").body(text).build());
    }

    static Answer problem(int status, String detail) {
        return new Answer(status, "", new MockResponse.Builder().code(status)
                .setHeader("Content-Type", "application/problem+json")
                .body(JSON.writeValueAsString(Map.of("status", status, "detail", detail))).build());
    }

    @Override
    public void close() {
        subscribers.forEach(s -> s.frames().add(END));
        server.close();
    }
}
