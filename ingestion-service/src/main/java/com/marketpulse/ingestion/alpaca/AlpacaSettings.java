package com.marketpulse.ingestion.alpaca;

import java.time.Duration;
import java.util.List;

/**
 * How to reach Alpaca. The key and secret are never part of {@link #toString()}.
 *
 * @param streamUrl      the crypto WebSocket, e.g. {@code wss://stream.data.alpaca.markets/v1beta3/crypto/us}
 * @param dataUrl        the REST base up to the location, e.g. {@code https://data.alpaca.markets/v1beta3/crypto/us}
 * @param pingInterval   WebSocket ping period; a missing pong fails the connection
 * @param silenceTimeout no frame at all for this long while streaming counts as a dead connection
 * @param limitBackoff   the least wait after a 406 (another session holds the connection slot)
 * @param maxBackfill    the longest gap closed from REST after a reconnect
 */
public record AlpacaSettings(
        String streamUrl,
        String dataUrl,
        String apiKey,
        String secretKey,
        List<String> symbols,
        Duration pingInterval,
        Duration silenceTimeout,
        Duration handshakeTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration limitBackoff,
        Duration maxBackfill) {

    public AlpacaSettings {
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("Alpaca needs at least one symbol");
        }
        if (apiKey == null || apiKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("the Alpaca source needs ALPACA_API_KEY and ALPACA_SECRET_KEY");
        }
    }

    /** The historical trades endpoint; a bare host gets the documented {@code /v1beta3/crypto/us} path. */
    String tradesUrl() {
        String base = dataUrl.endsWith("/") ? dataUrl.substring(0, dataUrl.length() - 1) : dataUrl;
        return (base.contains("/v1beta3/") ? base : base + "/v1beta3/crypto/us") + "/trades";
    }

    @Override
    public String toString() {
        return "AlpacaSettings[streamUrl=" + streamUrl + ", dataUrl=" + dataUrl + ", symbols=" + symbols + "]";
    }
}
