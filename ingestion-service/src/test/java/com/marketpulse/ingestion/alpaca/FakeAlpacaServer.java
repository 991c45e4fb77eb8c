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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Alpaca speaking the documented crypto protocol (PROTOCOL.md) for any venue {@code {loc}}: the WebSocket
 * at {@code /v1beta3/crypto/{loc}} (greeting, auth message, subscription confirmation listing every crypto channel,
 * batched JSON arrays; quotes, bars and updated bars only for the symbols subscribed to them) and the REST
 * {@code /v1beta3/crypto/{loc}/trades} and {@code .../bars?timeframe=1Min} (symbol-then-time order, {@code limit}
 * a total across symbols, opaque {@code next_page_token}, 429 with {@code X-RateLimit-*} headers). Every trade the
 * "exchange" executes and every bar it closes goes to its history, whether or not a client was connected to see it.
 *
 * <p>Public, and packaged alone in this module's test-jar, so local-stack's end-to-end test can point the real
 * ingestion-service at it.
 */
public final class FakeAlpacaServer implements AutoCloseable {

    public static final String KEY = "test-key";
    public static final String SECRET = "test-secret";
    public static final JsonMapper JSON = EventJson.mapper();

    public record Trade(String symbol, double price, double size, String time, long id) {
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

        public Map<String, Object> stream() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("T", "t");
            map.put("S", symbol);
            map.putAll(rest());
            return map;
        }
    }

    /** A minute bar; {@code start} is its {@code t}. */
    public record Bar(String symbol, String start, double open, double high, double low, double close, double volume,
               long trades, double vwap) {
        Instant instant() {
            return Instant.parse(start);
        }

        Map<String, Object> rest() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("t", start);
            map.put("o", open);
            map.put("h", high);
            map.put("l", low);
            map.put("c", close);
            map.put("v", volume);
            map.put("n", trades);
            map.put("vw", vwap);
            return map;
        }

        public Map<String, Object> stream(String type) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("T", type);
            map.put("S", symbol);
            map.putAll(rest());
            return map;
        }

        /** A bar of a quiet minute on a thin venue: no trade, o/h/l/c the quote mid. */
        static Bar quiet(String symbol, Instant start, double mid) {
            return new Bar(symbol, start.toString(), mid, mid, mid, mid, 0, 0, 0);
        }
    }

    public record Quote(String symbol, double bid, double bidSize, double ask, double askSize, String time) {
        public Map<String, Object> stream() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("T", "q");
            map.put("S", symbol);
            map.put("bp", bid);
            map.put("bs", bidSize);
            map.put("ap", ask);
            map.put("as", askSize);
            map.put("t", time);
            return map;
        }
    }

    private static final Pattern VENUE_PATH = Pattern.compile("/v1beta3/crypto/([a-z0-9-]+)(/trades|/bars)?");

    private final MockWebServer server = new MockWebServer();
    private final List<Bar> bars = new CopyOnWriteArrayList<>();
    private final List<Session> openSessions = new CopyOnWriteArrayList<>();
    /** The path of every WebSocket upgrade, e.g. {@code /v1beta3/crypto/us}. */
    final List<String> streamPaths = new CopyOnWriteArrayList<>();
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
    public volatile Function<Integer, List<String>> afterSubscribe = n -> List.of();
    volatile boolean greet = true;
    volatile int pageSize = 1000;
    volatile int rateLimitFirstRequests;

    public FakeAlpacaServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Matcher path = VENUE_PATH.matcher(request.getUrl().encodedPath());
                if (!path.matches()) {
                    return new MockResponse.Builder().code(404).body("{\"message\":\"not found\"}").build();
                }
                if (path.group(2) == null) {
                    streamPaths.add(request.getUrl().encodedPath());
                    return new MockResponse.Builder().webSocketUpgrade(new Session()).build();
                }
                return path.group(2).equals("/trades") ? trades(request) : bars(request);
            }
        });
        server.start();
    }

    /** For a static field of a Spring test: the server is up before the context asks for its URLs. */
    public static FakeAlpacaServer started() {
        try {
            return new FakeAlpacaServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the service's Alpaca stream and REST hosts at this server (the venue's path is the service's to add). */
    void registerUrls(DynamicPropertyRegistry registry) {
        registry.add("marketpulse.alpaca.stream-url", () -> server.url("/").toString().replaceFirst("^http", "ws"));
        registry.add("marketpulse.alpaca.data-url", () -> server.url("/").toString());
    }

    public String streamUrl() {
        return server.url("/v1beta3/crypto/us").toString().replaceFirst("^http", "ws");
    }

    public String dataUrl() {
        return server.url("/v1beta3/crypto/us").toString();
    }

    int connections() {
        return connectedAt.size();
    }

    List<Instant> connectedAt() {
        return connectedAt;
    }

    /** The exchange executes trades that nobody sees live (no client connected, or before a drop). */
    public void executeUnseen(Trade... trades) {
        history.addAll(List.of(trades));
    }

    /** The exchange executes trades and streams them to the current session in one batched frame. */
    void executeAndStream(Trade... trades) {
        history.addAll(List.of(trades));
        send(frame(trades));
    }

    /** The exchange closes a minute: the bar goes to its history and to the sessions subscribed to its bars. */
    void closeBar(Bar bar) {
        bars.add(bar);
        openSessions.forEach(s -> s.sendIfSubscribed("bars", bar.symbol(), List.of(bar.stream("b"))));
    }

    /** The exchange closes minutes nobody sees live (no client connected). */
    public void closeBarsUnseen(Bar... closed) {
        bars.addAll(List.of(closed));
    }

    /** A late trade changed a closed minute: history holds the new version, subscribers of updatedBars get a "u". */
    void updateBar(Bar bar) {
        bars.removeIf(b -> b.symbol().equals(bar.symbol()) && b.start().equals(bar.start()));
        bars.add(bar);
        openSessions.forEach(s -> s.sendIfSubscribed("updatedBars", bar.symbol(), List.of(bar.stream("u"))));
    }

    /**
     * The exchange executes a trade live: it goes to its history and to the sessions subscribed to the symbol's
     * trades (none while no client is connected: the trade is then only in the REST history).
     */
    public void trade(Trade trade) {
        history.add(trade);
        openSessions.forEach(s -> s.sendIfSubscribed("trades", trade.symbol(), List.of(trade.stream())));
    }

    /** The best bid/offer changes: sent to the sessions subscribed to the symbol's quotes. */
    public void quote(Quote quote) {
        openSessions.forEach(s -> s.sendIfSubscribed("quotes", quote.symbol(), List.of(quote.stream())));
    }

    /** REST requests of one resource, e.g. {@code bars}. */
    List<HttpUrl> restRequests(String resource) {
        return restRequests.stream().filter(u -> u.encodedPath().endsWith("/" + resource)).toList();
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

    /** One batched frame of data points of any kind, in the order given (each a {@code stream()} map). */
    public static String frame(List<Map<String, Object>> dataPoints) {
        return JSON.writeValueAsString(dataPoints);
    }

    static String error(int code, String message) {
        return "[{\"T\":\"error\",\"code\":" + code + ",\"msg\":\"" + message + "\"}]";
    }

    private MockResponse trades(RecordedRequest request) {
        return page(request, "trades", history, Trade::symbol, Trade::instant, Trade::rest);
    }

    private MockResponse bars(RecordedRequest request) {
        if (!"1Min".equals(request.getUrl().queryParameter("timeframe"))) {
            restRequests.add(request.getUrl());
            return new MockResponse.Builder().code(400).body("{\"message\":\"invalid timeframe\"}").build();
        }
        return page(request, "bars", bars, Bar::symbol, Bar::instant, Bar::rest);
    }

    /** One page of a historical resource: symbol-then-time order, {@code limit} in total, an opaque page token. */
    private <T> MockResponse page(RecordedRequest request, String root, List<T> items, Function<T, String> symbol,
                                  Function<T, Instant> time, Function<T, Map<String, Object>> rest) {
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
        List<T> matching = items.stream()
                .filter(t -> symbols.contains(symbol.apply(t)))
                .filter(t -> !time.apply(t).isBefore(start) && !time.apply(t).isAfter(end))
                .sorted(Comparator.comparing(symbol).thenComparing(time))
                .toList();
        List<T> page = matching.subList(Math.min(offset, matching.size()), Math.min(matching.size(), offset + limit));
        Map<String, List<Map<String, Object>>> bySymbol = new LinkedHashMap<>();
        page.forEach(t -> bySymbol.computeIfAbsent(symbol.apply(t), s -> new ArrayList<>()).add(rest.apply(t)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(root, bySymbol);
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
        private final Map<String, List<String>> channels = new LinkedHashMap<>();
        private WebSocket socket;

        Session() {
            for (String channel : List.of("trades", "quotes", "orderbooks", "bars", "updatedBars", "dailyBars")) {
                channels.put(channel, new CopyOnWriteArrayList<>());
            }
        }

        void sendIfSubscribed(String channel, String symbol, List<Map<String, Object>> data) {
            List<String> symbols = channels.get(channel);
            if (socket != null && (symbols.contains(symbol) || symbols.contains("*"))) {
                socket.send(JSON.writeValueAsString(data));
            }
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            index = connectedAt.size();
            connectedAt.add(Instant.now());
            sessions.add(webSocket);
            socket = webSocket;
            openSessions.add(this);
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
            channels.forEach((channel, symbols) -> message.path(channel).forEach(s -> {
                if (!symbols.contains(s.asString())) {
                    symbols.add(s.asString());
                }
            }));
            Map<String, Object> confirmation = new LinkedHashMap<>();
            confirmation.put("T", "subscription");
            confirmation.putAll(channels);
            webSocket.send(JSON.writeValueAsString(List.of(confirmation)));
            afterSubscribe.apply(index).forEach(webSocket::send);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            openSessions.remove(this);
            webSocket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            openSessions.remove(this);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            openSessions.remove(this);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
