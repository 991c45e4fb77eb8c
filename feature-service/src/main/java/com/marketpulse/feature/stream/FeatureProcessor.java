package com.marketpulse.feature.stream;

import com.marketpulse.events.Tick;
import com.marketpulse.feature.math.FeatureSettings;
import com.marketpulse.feature.math.SymbolState;
import com.marketpulse.feature.math.TickOutcome;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.BufferUnderflowException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one tick to the state of its symbol (of the live stream, or of one backtest run) and forwards the
 * results keyed by symbol: the completed bar, if the tick opened a new minute, then the tick's feature vector.
 * Duplicates and out-of-order ticks forward nothing; they are counted (see {@link SymbolState} for the rules).
 *
 * <p>The states of the task's symbols are also kept as objects (at most {@value #CACHED_STATES}, least recently
 * used out), so a tick is not paid for with a deserialization; each tick still writes the state's bytes to
 * the store (its changelog is the durable copy, and the store's cache sends one record per key and commit).
 * The objects are dropped whenever Kafka Streams (re-)initializes or closes the processor (rebalance, restore,
 * an aborted transaction), and for a key whose processing threw, so they never drift from the store.
 *
 * <p>With an expiry (backtest state), a wall-clock punctuation deletes the states not updated for that long: a
 * finished run's state does not stay in the store and its changelog forever.
 */
final class FeatureProcessor implements Processor<String, Tick, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(FeatureProcessor.class);

    private final String storeName;
    private final String stream;
    private final FeatureSettings settings;
    private final StreamEvents events;
    private final Duration expireAfter;
    static final int CACHED_STATES = 10_000;

    private final Map<String, SymbolState> states = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SymbolState> eldest) {
            return size() > CACHED_STATES;
        }
    };
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> store;

    /** @param expireAfter how long a state may go without an update before it is deleted; null: never */
    FeatureProcessor(String storeName, String stream, FeatureSettings settings, Duration expireAfter,
                     StreamEvents events) {
        this.storeName = storeName;
        this.stream = stream;
        this.settings = settings;
        this.expireAfter = expireAfter;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        states.clear();
        if (expireAfter != null) {
            Duration every = expireAfter.dividedBy(10).compareTo(Duration.ofMinutes(10)) < 0
                    ? expireAfter.dividedBy(10) : Duration.ofMinutes(10);
            context.schedule(every.isZero() ? Duration.ofMillis(1) : every, PunctuationType.WALL_CLOCK_TIME,
                    this::expire);
        }
    }

    private void expire(long nowMillis) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (nowMillis - StoredState.updatedMillis(entry.value) > expireAfter.toMillis()) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(key -> {
            store.delete(key);
            states.remove(key);
        });
        if (!expired.isEmpty()) {
            log.info("Deleted {} {} states not updated for {}: {}", expired.size(), stream, expireAfter, expired);
        }
    }

    /** Live state is keyed by symbol; a backtest's by run id and symbol, so runs never share or touch state. */
    static String stateKey(Tick tick) {
        return tick.runId() == null ? tick.symbol() : tick.runId() + "|" + tick.symbol();
    }

    @Override
    public void process(Record<String, Tick> record) {
        Tick tick = record.value();
        String key = stateKey(tick);
        SymbolState state = states.get(key);
        if (state == null) {
            state = load(key);
            states.put(key, state);
        }
        TickOutcome outcome;
        try {
            outcome = state.onTick(tick);
            store.put(key, StoredState.frame(context.currentSystemTimeMs(), state.toBytes()));
        } catch (RuntimeException e) {
            states.remove(key);
            throw e;
        }
        switch (outcome) {
            case TickOutcome.Accepted accepted -> {
                events.tick(stream, "accepted");
                accepted.completedBar().ifPresent(bar -> context.forward(record.withKey(tick.symbol()).withValue(bar)));
                context.forward(record.withKey(tick.symbol()).withValue(accepted.features()));
            }
            case TickOutcome.Duplicate duplicate -> {
                events.tick(stream, "duplicate");
                log.debug("Duplicate tick {} of {} ignored ({} so far)", duplicate.eventId(), key, state.duplicates());
            }
            case TickOutcome.OutOfOrder late -> {
                events.tick(stream, "out_of_order");
                log.debug("Out-of-order tick {} of {} at {} left out of the windows{} ({} so far)", late.eventId(),
                        key, tick.eventTime(), late.foldedIntoOpenBar() ? ", added to the open bar" : "",
                        state.outOfOrder());
            }
        }
    }

    @Override
    public void close() {
        states.clear();
    }

    private SymbolState load(String key) {
        byte[] bytes = store.get(key);
        if (bytes == null) {
            return SymbolState.fresh(settings);
        }
        try {
            return SymbolState.fromBytes(StoredState.state(bytes), settings);
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            log.error("Stored feature state of {} in {} is unreadable; starting it afresh", key, storeName, e);
            events.tick(stream, "state_reset");
            return SymbolState.fresh(settings);
        }
    }
}
