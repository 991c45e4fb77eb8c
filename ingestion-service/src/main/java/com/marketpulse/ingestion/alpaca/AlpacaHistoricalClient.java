package com.marketpulse.ingestion.alpaca;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * Alpaca's historical crypto trades and minute bars ({@code GET .../v1beta3/crypto/{loc}/trades} and
 * {@code .../bars?timeframe=1Min}): pages through {@code next_page_token} and waits out 429 (until
 * {@code X-RateLimit-Reset}, else with back-off) and 5xx.
 */
final class AlpacaHistoricalClient {

    private static final Logger log = LoggerFactory.getLogger(AlpacaHistoricalClient.class);
    private static final int PAGE_LIMIT = 10_000;
    private static final int MAX_ATTEMPTS = 8;

    private final OkHttpClient http;
    private final AlpacaSettings settings;
    private final AlpacaFrameParser parser;
    private final JsonMapper json;
    private final Clock clock;
    private final RandomGenerator random;

    AlpacaHistoricalClient(OkHttpClient http, AlpacaSettings settings, JsonMapper json, Clock clock,
                           RandomGenerator random) {
        this.http = http;
        this.settings = settings;
        this.json = json;
        this.parser = new AlpacaFrameParser(json);
        this.clock = clock;
        this.random = random;
    }

    /** Every trade of the symbols in [start, end], oldest first. Malformed trades are counted into {@code malformed}. */
    List<AlpacaMessage.Trade> trades(List<String> symbols, Instant start, Instant end, java.util.function.Consumer<String> malformed)
            throws IOException, InterruptedException {
        List<AlpacaMessage.Trade> trades = all("trades", Map.of(), symbols, start, end, AlpacaMessage.Trade.class,
                parser::trade, malformed);
        trades.sort(Comparator.comparing(AlpacaMessage.Trade::time));
        return trades;
    }

    /**
     * Every 1-minute bar of the symbols starting in [start, end], oldest first (by start, then symbol). Malformed
     * bars are counted into {@code malformed}.
     */
    List<AlpacaMessage.Bar> minuteBars(List<String> symbols, Instant start, Instant end, java.util.function.Consumer<String> malformed)
            throws IOException, InterruptedException {
        List<AlpacaMessage.Bar> bars = all("bars", Map.of("timeframe", "1Min"), symbols, start, end,
                AlpacaMessage.Bar.class, (bar, symbol) -> parser.bar(bar, symbol, false), malformed);
        bars.sort(Comparator.comparing(AlpacaMessage.Bar::start).thenComparing(AlpacaMessage.Bar::symbol));
        return bars;
    }

    /** Pages through {@code resource} ({@code {"<resource>":{SYM:[...]},"next_page_token":...}}) to its end. */
    private <T extends AlpacaMessage> List<T> all(String resource, Map<String, String> parameters,
                                                  List<String> symbols, Instant start, Instant end, Class<T> type,
                                                  BiFunction<JsonNode, JsonNode, AlpacaMessage> parse,
                                                  java.util.function.Consumer<String> malformed) throws IOException, InterruptedException {
        List<T> items = new ArrayList<>();
        String pageToken = null;
        do {
            HttpUrl.Builder url = HttpUrl.get(settings.restUrl(resource)).newBuilder()
                    .addQueryParameter("symbols", String.join(",", symbols));
            parameters.forEach(url::addQueryParameter);
            url.addQueryParameter("start", DateTimeFormatter.ISO_INSTANT.format(start))
                    .addQueryParameter("end", DateTimeFormatter.ISO_INSTANT.format(end))
                    .addQueryParameter("limit", Integer.toString(PAGE_LIMIT))
                    .addQueryParameter("sort", "asc");
            if (pageToken != null) {
                url.addQueryParameter("page_token", pageToken);
            }
            JsonNode page = get(url.build());
            for (Map.Entry<String, JsonNode> bySymbol : page.path(resource).properties()) {
                for (JsonNode item : bySymbol.getValue()) {
                    AlpacaMessage message = parse.apply(item, json.getNodeFactory().stringNode(bySymbol.getKey()));
                    if (type.isInstance(message)) {
                        items.add(type.cast(message));
                    } else {
                        malformed.accept(message instanceof AlpacaMessage.Malformed bad ? bad.kind() : "unexpected");
                    }
                }
            }
            JsonNode next = page.path("next_page_token");
            pageToken = next.isString() && !next.asString().isEmpty() ? next.asString() : null;
        } while (pageToken != null);
        return items;
    }

    private JsonNode get(HttpUrl url) throws IOException, InterruptedException {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), random);
        for (int attempt = 1; ; attempt++) {
            Request request = new Request.Builder().url(url)
                    .header("APCA-API-KEY-ID", settings.apiKey())
                    .header("APCA-API-SECRET-KEY", settings.secretKey())
                    .header("Accept", "application/json")
                    .build();
            Duration wait;
            try (Response response = http.newCall(request).execute()) {
                if (response.isSuccessful()) {
                    try {
                        return json.readTree(response.body().string());
                    } catch (JacksonException e) {
                        throw new RequestRejected("Alpaca response is not JSON: " + e.getOriginalMessage());
                    }
                }
                int code = response.code();
                if (code != 429 && code < 500) {
                    throw new RequestRejected("Alpaca request " + url.encodedPath() + " failed with HTTP " + code
                            + ": " + abbreviate(response.body().string()));
                }
                wait = code == 429 ? rateLimitWait(response, backoff) : backoff.next();
                log.warn("Alpaca request {} got HTTP {} (attempt {}/{}); retrying in {} ms", url.encodedPath(), code,
                        attempt, MAX_ATTEMPTS, wait.toMillis());
            } catch (IOException e) {
                if (e instanceof RequestRejected || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                wait = backoff.next();
                log.warn("Alpaca request {} failed (attempt {}/{}): {}; retrying in {} ms", url.encodedPath(), attempt,
                        MAX_ATTEMPTS, e.toString(), wait.toMillis());
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new IOException("Alpaca request " + url.encodedPath() + " still failing after " + MAX_ATTEMPTS
                        + " attempts");
            }
            Thread.sleep(wait);
        }
    }

    /** Until {@code X-RateLimit-Reset} (Unix seconds) when given and sane, else the next back-off step. */
    private Duration rateLimitWait(Response response, Backoff backoff) {
        Duration fallback = backoff.next();
        String reset = response.header("X-RateLimit-Reset");
        if (reset == null) {
            return fallback;
        }
        try {
            Duration untilReset = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.trim())));
            if (untilReset.isNegative() || untilReset.compareTo(Duration.ofMinutes(2)) > 0) {
                return fallback;
            }
            return untilReset.plusMillis(100);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A response that retrying cannot fix (a 4xx other than 429, or a body that is not JSON). */
    static final class RequestRejected extends IOException {
        RequestRejected(String message) {
            super(message);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
