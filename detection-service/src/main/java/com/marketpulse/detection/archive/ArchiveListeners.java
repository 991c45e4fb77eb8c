package com.marketpulse.detection.archive;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.event.EventListener;
import com.marketpulse.events.json.EventJsonDeserializer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

/**
 * The archivers' Kafka edge: one consumer group per kind (trades, quotes, source bars), each with its own batch
 * container, idle events and rebalance listener. The trades keep the group they always had, so their committed
 * offsets carry over.
 */
@Component
class ArchiveListeners {

    static final String TICKS = "detection-archiver";
    static final String QUOTES = "detection-quote-archiver";
    static final String BARS = "detection-bar-archiver";

    private final EventArchiver<Tick> ticks;
    private final EventArchiver<Quote> quotes;
    private final EventArchiver<SourceBar> bars;
    private final Map<String, EventArchiver<?>> byListener;

    ArchiveListeners(EventArchiver<Tick> ticks, EventArchiver<Quote> quotes, EventArchiver<SourceBar> bars) {
        this.ticks = ticks;
        this.quotes = quotes;
        this.bars = bars;
        this.byListener = Map.of(TICKS, ticks, QUOTES, quotes, BARS, bars);
    }

    /**
     * The trade archiver reads in large fetches: it seals files by size or age (seconds), so a fetch that waits up to
     * 200 ms for 256 KiB costs it nothing, and the broker answers far fewer requests than one per few records (its
     * CPU is the pipeline's; measured with ./bench.sh pipeline).
     */
    static final String BULK_FETCH_MIN_BYTES = "fetch.min.bytes=262144";
    static final String BULK_FETCH_MAX_WAIT = "fetch.max.wait.ms=200";

    @KafkaListener(id = TICKS, topics = Topics.MARKET_CRYPTO, groupId = TICKS,
            containerFactory = ArchiveConfig.TICKS_CONTAINER_FACTORY,
            properties = {EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.Tick", BULK_FETCH_MIN_BYTES,
                    BULK_FETCH_MAX_WAIT})
    void onTicks(List<ConsumerRecord<String, Tick>> records, Consumer<?, ?> consumer) {
        ticks.on(records, consumer);
    }

    @KafkaListener(id = QUOTES, topics = Topics.MARKET_QUOTES, groupId = QUOTES,
            containerFactory = ArchiveConfig.QUOTES_CONTAINER_FACTORY,
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.Quote")
    void onQuotes(List<ConsumerRecord<String, Quote>> records, Consumer<?, ?> consumer) {
        quotes.on(records, consumer);
    }

    @KafkaListener(id = BARS, topics = Topics.MARKET_SOURCE_BARS, groupId = BARS,
            containerFactory = ArchiveConfig.BARS_CONTAINER_FACTORY,
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.SourceBar")
    void onBars(List<ConsumerRecord<String, SourceBar>> records, Consumer<?, ?> consumer) {
        bars.on(records, consumer);
    }

    /** No records for a while on one of the archivers' containers (or its child, {@code <id>-0}): seal what is due. */
    @EventListener
    void onIdle(ListenerContainerIdleEvent event) {
        String id = event.getListenerId();
        byListener.forEach((listener, archiver) -> {
            if (id.equals(listener) || id.startsWith(listener + "-")) {
                archiver.idle(event.getConsumer());
            }
        });
    }
}
