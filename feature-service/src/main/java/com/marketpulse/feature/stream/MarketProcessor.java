package com.marketpulse.feature.stream;

import com.marketpulse.events.Bar;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.feature.grid.GridSettings;
import com.marketpulse.feature.grid.GridStep;
import com.marketpulse.feature.grid.MarketState;
import java.nio.BufferUnderflowException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one trade, quote or source bar to the {@link MarketState} of its symbol (of the live stream, or of one
 * backtest run) and forwards the results keyed by symbol: the chart bars it completed or corrected, then the
 * {@code MarketFeatures} of a new grid step, if it made one. Duplicates and late inputs are counted (see
 * {@link MarketState} for the rules).
 *
 * <p>The states of the task's symbols are also kept as objects (at most {@value #CACHED_STATES}, least recently
 * used out), so an input is not paid for with a deserialization; each input still writes the state's bytes to
 * the store (its changelog is the durable copy, and the store's cache sends one record per key and commit).
 * The objects are dropped whenever Kafka Streams (re-)initializes or closes the processor (rebalance, restore,
 * an aborted transaction), and for a key whose processing threw, so they never drift from the store.
 *
 * <p>With an expiry (backtest state), a wall-clock punctuation deletes the states not updated for that long: a
 * finished run's state does not stay in the store and its changelog forever.
 */
final class MarketProcessor implements Processor<String, Object, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(MarketProcessor.class);
    static final int CACHED_STATES = 10_000;

    private final String storeName;
    private final String stream;
    private final GridSettings settings;
    private final Duration expireAfter;
    private final StreamEvents events;
    private final int maxSymbolsPerRun;
    private final Map<String, MarketState> states = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MarketState> eldest) {
            return size() > CACHED_STATES;
        }
    };
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> store;

    /**
     * @param expireAfter      delete a state not updated for this long (wall clock); {@code null} keeps state forever
     * @param maxSymbolsPerRun the most symbols (states) one backtest run may open; a further symbol's inputs are
     *                         refused ({@code replay_symbol_cap}). Live inputs are limited to the configured symbols
     *                         when they are read.
     */
    MarketProcessor(String storeName, String stream, GridSettings settings, Duration expireAfter,
                    int maxSymbolsPerRun, StreamEvents events) {
        this.maxSymbolsPerRun = maxSymbolsPerRun;
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
    static String stateKey(String symbol, String runId) {
        return runId == null ? symbol : runId + "|" + symbol;
    }

    @Override
    public void process(Record<String, Object> record) {
        Input input = Input.of(record.value());
        String key = stateKey(input.symbol(), input.runId());
        MarketState state = states.get(key);
        if (state == null) {
            if (input.runId() != null) {
                checkRunCap(input, key);
            }
            state = load(key);
            states.put(key, state);
        }
        long duplicates = state.duplicates();
        long late = state.late();
        GridStep step;
        try {
            step = input.applyTo(state);
            store.put(key, StoredState.frame(context.currentSystemTimeMs(), state));
        } catch (RuntimeException e) {
            states.remove(key);
            throw e;
        }
        events.input(stream, input.kind(), outcome(step, state.duplicates() > duplicates, state.late() > late));
        for (Bar bar : step.bars()) {
            context.forward(record.withKey(input.symbol()).withValue(bar));
        }
        if (step.hasFeatures()) {
            context.forward(record.withKey(input.symbol()).withValue(step.features()));
        }
    }

    /** A run's new symbol is refused once the run has its cap of states (counted in the store, durable). */
    private void checkRunCap(Input input, String key) {
        if (store.get(key) != null) {
            return;
        }
        int symbols = 0;
        try (KeyValueIterator<String, byte[]> run = store.prefixScan(stateKey("", input.runId()),
                new StringSerializer())) {
            while (run.hasNext() && symbols < maxSymbolsPerRun) {
                run.next();
                symbols++;
            }
        }
        if (symbols >= maxSymbolsPerRun) {
            throw new RejectedInput("replay_symbol_cap", "backtest run " + input.runId() + " already has "
                    + maxSymbolsPerRun + " symbols; " + input.symbol() + " is refused");
        }
    }

    private static String outcome(GridStep step, boolean duplicate, boolean late) {
        if (duplicate) {
            return "duplicate";
        }
        if (late) {
            return "late";
        }
        return step.hasFeatures() ? "step" : "within_step";
    }

    @Override
    public void close() {
        states.clear();
    }

    private MarketState load(String key) {
        byte[] bytes = store.get(key);
        if (bytes == null) {
            return MarketState.fresh(settings);
        }
        try {
            return MarketState.fromBytes(StoredState.state(bytes), settings);
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            log.error("Stored market state of {} in {} is unreadable; starting it afresh", key, storeName, e);
            events.input(stream, "state", "state_reset");
            return MarketState.fresh(settings);
        }
    }

    /** The three kinds of input, each applied by its own method of {@link MarketState}. */
    private record Input(String kind, String symbol, String runId, Object event) {

        static Input of(Object event) {
            return switch (event) {
                case Tick t -> new Input("trade", t.symbol(), t.runId(), t);
                case Quote q -> new Input("quote", q.symbol(), q.runId(), q);
                case SourceBar b -> new Input("bar", b.symbol(), b.runId(), b);
                default -> throw new IllegalArgumentException("not a market input: " + event.getClass().getName());
            };
        }

        GridStep applyTo(MarketState state) {
            return switch (event) {
                case Tick t -> state.onTrade(t);
                case Quote q -> state.onQuote(q);
                case SourceBar b -> state.onBar(b);
                default -> throw new IllegalStateException();
            };
        }
    }
}
