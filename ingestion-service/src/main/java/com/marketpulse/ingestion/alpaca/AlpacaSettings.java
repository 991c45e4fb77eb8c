package com.marketpulse.ingestion.alpaca;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to reach Alpaca. The key and secret are never part of {@link #toString()}.
 *
 * @param location       the venue ({@code ALPACA_LOCATION}): {@code us} (Alpaca's own), {@code us-1} (Kraken US),
 *                       {@code eu-1} (Kraken EU); it selects {@code /v1beta3/crypto/{location}} on both URLs and is
 *                       named on every event as its venue
 * @param streamBase     the stream host, e.g. {@code wss://stream.data.alpaca.markets}; a URL that already ends in
 *                       {@code /v1beta3/crypto/{location}} is taken as it is
 * @param dataBase       the REST host, e.g. {@code https://data.alpaca.markets} (same rule)
 * @param pingInterval   WebSocket ping period; a missing pong fails the connection
 * @param silenceTimeout no frame at all for this long while streaming counts as a dead connection
 * @param limitBackoff   the least wait after a 406 (another session holds the connection slot)
 * @param maxBackfill    the longest gap of trades closed from REST after a reconnect
 * @param barSeed        how far back minute bars are fetched from REST for a symbol with no bar published yet
 *                       (first start), and the longest gap of bars closed after a reconnect or restart
 * @param maxFuture      {@code marketpulse.edge.max-future}: an event further ahead of the wall clock is handed on for
 *                       the publisher to dead-letter, but never enters the de-duplication state (it would make every
 *                       real event after it look stale)
 */
public record AlpacaSettings(
        String location,
        String streamBase,
        String dataBase,
        String apiKey,
        String secretKey,
        List<String> symbols,
        Duration pingInterval,
        Duration silenceTimeout,
        Duration handshakeTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration limitBackoff,
        Duration maxBackfill,
        Duration barSeed,
        Duration maxFuture) {

    private static final Pattern LOCATION = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern LOCATED = Pattern.compile(".*/v1beta3/crypto/([^/]+)");

    public AlpacaSettings {
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("Alpaca needs at least one symbol");
        }
        if (apiKey == null || apiKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("the Alpaca source needs ALPACA_API_KEY and ALPACA_SECRET_KEY");
        }
        if (location == null || !LOCATION.matcher(location).matches()) {
            throw new IllegalArgumentException("ALPACA_LOCATION must be a venue such as us, us-1 or eu-1, not '"
                    + location + "'");
        }
        streamBase = located(trimmed(streamBase), location, "ALPACA_STREAM_URL");
        dataBase = located(trimmed(dataBase), location, "ALPACA_DATA_URL");
    }

    /** The crypto stream of the configured venue: {@code .../v1beta3/crypto/{location}}. */
    String streamUrl() {
        return streamBase;
    }

    /** A REST resource of the configured venue, e.g. {@code bars} → {@code .../v1beta3/crypto/{location}/bars}. */
    String restUrl(String resource) {
        return dataBase + "/" + resource;
    }

    /** Appends the venue's path to a host; a URL naming a path already must name the same venue. */
    private static String located(String base, String location, String setting) {
        Matcher named = LOCATED.matcher(base);
        if (!named.matches()) {
            return base + "/v1beta3/crypto/" + location;
        }
        if (!named.group(1).equals(location)) {
            throw new IllegalArgumentException(setting + " " + base + " names the venue '" + named.group(1)
                    + "' but ALPACA_LOCATION is '" + location + "'; give the host only, or the same venue");
        }
        return base;
    }

    private static String trimmed(String url) {
        String value = url.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    @Override
    public String toString() {
        return "AlpacaSettings[location=" + location + ", streamUrl=" + streamBase + ", dataUrl=" + dataBase
                + ", symbols=" + symbols + "]";
    }
}
