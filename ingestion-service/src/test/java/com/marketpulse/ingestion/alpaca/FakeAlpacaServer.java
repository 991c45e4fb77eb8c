package com.marketpulse.ingestion.alpaca;

import com.marketpulse.events.json.EventJson;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake Alpaca speaking the documented crypto protocol (PROTOCOL.md): the WebSocket at
 * {@code /v1beta3/crypto/us} (greeting, auth message, subscription confirmation, batched JSON arrays) and the
 * REST {@code /v1beta3/crypto/us/trades} (symbol-then-time order, opaque {@code next_page_token}, 429 with
 * {@code X-RateLimit-*} headers). Every trade the "exchange" executes goes to its history, whether or not a
 * client was connected to see it live.
 */
final class FakeAlpacaServer implements AutoCloseable {

    static final String KEY = "test-key";
    static final String SECRET = "test-secret";
    static final JsonMapper JSON = EventJson.mapper();

    record Trade(String symbol, double price, double size, String time, long id) {
        Instant instant() {
            return Instant.parse(time);
        }

        Map<String, Object> rest() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("t", time);
            map.put("p", price);
            map.put("s", size);
            map.put("tks", "B");
            map.put("i", id);
            return map;
        }

        Map<String, Object> stream() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("T", "t");
            map.put("S", symbol);
            map.putAll(rest());
            return map;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Trade> history = new CopyOnWriteArrayList<>();
    private final List<WebSocket> sessions = new CopyOnWriteArrayList<>();
    private final List<Instant> connectedAt = new CopyOnWriteArrayList<>();
    final List<String> clientMessages = new CopyOnWriteArrayList<>();
    final List<HttpUrl> restRequests = new CopyOnWriteArrayList<>();
    final AtomicInteger rateLimitedResponses = new AtomicInteger();

    /** Answer to the auth message of the n-th connection (0-based); null = authenticated. */
    volatile Function<Integer, String> authReply = n -> null;
    /** Answer to a subscribe message of the n-th connection (0-based); null = the subscription confirmation. */
    volatile Function<Integer, String> subscribeReply = n -> null;
    /** Frames sent right after a subscription is confirmed on the n-th connection (0-based). */
    volatile Function<Integer, List<String>> afterSubscribe = n -> List.of();
    volatile boolean greet = true;
    volatile int pageSize = 1000;
    volatile int rateLimitFirstRequests;

    FakeAlpacaServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/v1beta3/crypto/us")) {
                    return new MockResponse.Builder().webSocketUpgrade(new Session()).build();
                }
                if (path.equals("/v1beta3/crypto/us/trades")) {
                    return trades(request);
                }
                return new MockResponse.Builder().code(404).body("{\"message\":\"not found\"}").build();
            }
        });
        server.start();
    }

    /** For a static field of a Spring test: the server is up before the context asks for its URLs. */
    static FakeAlpacaServer started() {
        try {
            return new FakeAlpacaServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the service's Alpaca stream and REST URLs at this server. */
    void registerUrls(DynamicPropertyRegistry registry) {
        registry.add("marketpulse.alpaca.stream-url", this::streamUrl);
        registry.add("marketpulse.alpaca.data-url", this::dataUrl);
    }

    String streamUrl() {
        return server.url("/v1beta3/crypto/us").toString().replaceFirst("^http", "ws");
    }

    String dataUrl() {
        return server.url("/v1beta3/crypto/us").toString();
    }

    int connections() {
        return connectedAt.size();
    }

    List<Instant> connectedAt() {
        return connectedAt;
    }

    /** The exchange executes trades that nobody sees live (no client connected, or before a drop). */
    void executeUnseen(Trade... trades) {
        history.addAll(List.of(trades));
    }

    /** The exchange executes trades and streams them to the current session in one batched frame. */
    void executeAndStream(Trade... trades) {
        history.addAll(List.of(trades));
        send(frame(trades));
    }

    void send(String frame) {
        sessions.getLast().send(frame);
    }

    /** The server drops the session mid-stream (going away), as Alpaca does on a restart or after a 407. */
    void dropConnection() {
        sessions.getLast().close(1001, "going away");
    }

    static String frame(Trade... trades) {
        return JSON.writeValueAsString(List.of(trades).stream().map(Trade::stream).toList());
    }

    static String error(int code, String message) {
        return "[{\"T\":\"error\",\"code\":" + code + ",\"msg\":\"" + message + "\"}]";
    }

    private MockResponse trades(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        restRequests.add(url);
        if (rateLimitedResponses.get() < rateLimitFirstRequests) {
            rateLimitedResponses.incrementAndGet();
            return new MockResponse.Builder().code(429)
                    .addHeader("X-RateLimit-Limit", 200)
                    .addHeader("X-RateLimit-Remaining", 0)
                    .addHeader("X-RateLimit-Reset", Instant.now().getEpochSecond() + 1)
                    .body("{\"message\":\"Too many requests. You hit the rate limit.\"}").build();
        }
        Set<String> symbols = Set.of(url.queryParameter("symbols").split(","));
        Instant start = Instant.parse(url.queryParameter("start"));
        Instant end = Instant.parse(url.queryParameter("end"));
        int limit = Math.min(pageSize, Integer.parseInt(url.queryParameter("limit")));
        String token = url.queryParameter("page_token");
        int offset = token == null ? 0 : Integer.parseInt(new String(Base64.getDecoder().decode(token),
                StandardCharsets.UTF_8));
        List<Trade> matching = history.stream()
                .filter(t -> symbols.contains(t.symbol()))
                .filter(t -> !t.instant().isBefore(start) && !t.instant().isAfter(end))
                .sorted(Comparator.comparing(Trade::symbol).thenComparing(Trade::instant))
                .toList();
        List<Trade> page = matching.subList(offset, Math.min(matching.size(), offset + limit));
        Map<String, List<Map<String, Object>>> bySymbol = new LinkedHashMap<>();
        page.forEach(t -> bySymbol.computeIfAbsent(t.symbol(), s -> new ArrayList<>()).add(t.rest()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trades", bySymbol);
        body.put("next_page_token", offset + limit < matching.size()
                ? Base64.getEncoder().encodeToString(Integer.toString(offset + limit).getBytes(StandardCharsets.UTF_8))
                : null);
        return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(JSON.writeValueAsString(body)).build();
    }

    /** One client connection, following the documented flow. */
    private final class Session extends WebSocketListener {

        private int index;
        private boolean authenticated;
        private final List<String> trades = new ArrayList<>();

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            index = connectedAt.size();
            connectedAt.add(Instant.now());
            sessions.add(webSocket);
            if (greet) {
                webSocket.send("[{\"T\":\"success\",\"msg\":\"connected\"}]");
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            clientMessages.add(text);
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (RuntimeException e) {
                webSocket.send(error(400, "invalid syntax"));
                return;
            }
            switch (message.path("action").asString("")) {
                case "auth" -> auth(webSocket, message);
                case "subscribe" -> subscribe(webSocket, message);
                default -> webSocket.send(error(400, "invalid syntax"));
            }
        }

        private void auth(WebSocket webSocket, JsonNode message) {
            if (authenticated) {
                webSocket.send(error(403, "already authenticated"));
                return;
            }
            String scripted = authReply.apply(index);
            if (scripted != null) {
                webSocket.send(scripted);
                return;
            }
            if (!KEY.equals(message.path("key").asString("")) || !SECRET.equals(message.path("secret").asString(""))) {
                webSocket.send(error(402, "auth failed"));
                return;
            }
            authenticated = true;
            webSocket.send("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
        }

        private void subscribe(WebSocket webSocket, JsonNode message) {
            if (!authenticated) {
                webSocket.send(error(401, "not authenticated"));
                return;
            }
            String scripted = subscribeReply.apply(index);
            if (scripted != null) {
                webSocket.send(scripted);
                return;
            }
            message.path("trades").forEach(s -> trades.add(s.asString()));
            Map<String, Object> confirmation = new LinkedHashMap<>();
            confirmation.put("T", "subscription");
            confirmation.put("trades", trades);
            confirmation.put("quotes", List.of());
            confirmation.put("orderbooks", List.of());
            confirmation.put("bars", List.of());
            confirmation.put("updatedBars", List.of());
            confirmation.put("dailyBars", List.of());
            webSocket.send(JSON.writeValueAsString(List.of(confirmation)));
            afterSubscribe.apply(index).forEach(webSocket::send);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
