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
import java.util.HashMap;
import java.util.Map;

/**
 * Reads back which source bars are in {@code market.source-bars} already: Kafka is where the last-seen bar times
 * persist, so a restart fetches from REST only what came after them, and never publishes a bar twice.
 */
@Component
public class PublishedBars {

    private static final Logger log = LoggerFactory.getLogger(PublishedBars.class);

    private final TopicTail tail;
    private final JsonMapper json = EventJson.mapper();
    private final Clock clock;

    PublishedBars(KafkaProperties kafka) {
        this.tail = new TopicTail(kafka);
        this.clock = Clock.systemUTC();
    }

    /**
     * The start of the newest bar per symbol published by {@code source} for {@code venue} within {@code lookback}
     * (by Kafka timestamp, the bar's end).
     */
    public Map<String, Instant> lastStarts(String source, String venue, Duration lookback) {
        Map<String, Instant> newest = new HashMap<>();
        long[] unreadable = new long[1];
        tail.read(Topics.MARKET_SOURCE_BARS, clock.instant().minus(lookback), 0, value -> {
            if (!remember(value, source, venue, newest)) {
                unreadable[0]++;
            }
        });
        if (unreadable[0] > 0) {
            log.warn("{} record(s) of {} are not source bars; they were passed over", unreadable[0],
                    Topics.MARKET_SOURCE_BARS);
        }
        return newest;
    }

    /** False for a record that is not a source bar (it is counted and reported, not fatal). */
    private boolean remember(String value, String source, String venue, Map<String, Instant> newest) {
        try {
            JsonNode bar = json.readTree(value);
            boolean ours = source.equals(bar.path("source").asString("")) && venue.equals(bar.path("venue").asString(""))
                    && (bar.path("runId").isMissingNode() || bar.path("runId").isNull());
            if (ours) {
                newest.merge(bar.path("symbol").asString(), Instant.parse(bar.path("start").asString()),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
            return true;
        } catch (JacksonException | DateTimeParseException e) {
            return false;
        }
    }
}
