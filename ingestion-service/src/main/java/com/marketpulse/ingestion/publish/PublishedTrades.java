package com.marketpulse.ingestion.publish;

import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back which live trades of a venue {@code market.crypto} holds already: after a crash (the buffer and the
 * de-duplication lived in memory) the newest trade Kafka acknowledged per symbol is where the gap starts, and the
 * trade ids in the tail keep a REST backfill from publishing a trade twice.
 */
@Component
public class PublishedTrades {

    /** Read at least this many records back per partition, so a quiet symbol's newest trade is found. */
    private static final long LAST_RECORDS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(PublishedTrades.class);

    /** One trade already in Kafka. */
    public record Trade(String symbol, String tradeId, Instant eventTime) {
    }

    private final TopicTail tail;
    private final JsonMapper json = EventJson.mapper();
    private final Clock clock;

    PublishedTrades(KafkaProperties kafka) {
        this.tail = new TopicTail(kafka);
        this.clock = Clock.systemUTC();
    }

    /** The live trades of {@code source} and {@code venue} of the last {@code lookback} (and each partition's tail). */
    public List<Trade> recent(String source, String venue, Duration lookback) {
        List<Trade> trades = new ArrayList<>();
        long[] unreadable = new long[1];
        tail.read(Topics.MARKET_CRYPTO, clock.instant().minus(lookback), LAST_RECORDS, value -> {
            try {
                JsonNode tick = json.readTree(value);
                boolean ours = source.equals(tick.path("source").asString("")) && venue.equals(tick.path("venue")
                        .asString("")) && (tick.path("runId").isMissingNode() || tick.path("runId").isNull());
                if (ours) {
                    trades.add(new Trade(tick.path("symbol").asString(), tick.path("tradeId").asString(),
                            Instant.parse(tick.path("eventTime").asString())));
                }
            } catch (JacksonException | DateTimeParseException e) {
                unreadable[0]++;
            }
        });
        if (unreadable[0] > 0) {
            log.warn("{} record(s) of {} are not trades; they were passed over", unreadable[0], Topics.MARKET_CRYPTO);
        }
        return trades;
    }
}
