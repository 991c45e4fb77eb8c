package com.marketpulse.feature.math;

import com.marketpulse.events.Tick;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one tick on one core with the configured windows: the feature math alone, with the write of the
 * state's bytes that the stream processor adds per tick, and with a full round trip through bytes.
 * Run: {@code ./bench.sh}, or {@code ./mvnw -pl feature-math test-compile} then this class's {@code main} on the test class path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SymbolStateBenchmark {

    private static final int TICKS = 1 << 16;

    private final FeatureSettings settings = FeatureSettings.defaults();
    private Tick[] ticks;
    private SymbolState state;
    private int next;

    @Setup
    public void generate() {
        Random random = new Random(7);
        ticks = new Tick[TICKS];
        double price = 100_000;
        Instant time = Instant.parse("2026-11-24T12:00:00Z");
        for (int i = 0; i < TICKS; i++) {
            price = Math.round((price + random.nextGaussian() * 5) * 100) / 100.0;
            time = time.plusMillis(1 + random.nextInt(500));
            ticks[i] = new Tick("bench:" + i, "BTC/USD", time, price, Math.exp(random.nextGaussian()) * 0.01,
                    Integer.toString(i), null, "simulator", "simulator", null);
        }
        state = SymbolState.fresh(settings);
        for (Tick tick : ticks) {
            state.onTick(tick);
        }
    }

    /** The ticks repeat with shifted ids and times, so that every call is an accepted, in-order tick. */
    private Tick nextTick() {
        int i = next++;
        Tick tick = ticks[i & (TICKS - 1)];
        long round = (i >>> 16) + 1;
        return new Tick(tick.eventId() + "/" + round, tick.symbol(), tick.eventTime().plusSeconds(round * 40_000_000L),
                tick.price(), tick.size(), tick.tradeId(), null, tick.source(), tick.venue(), null);
    }

    @Benchmark
    public Object featuresPerTick() {
        return state.onTick(nextTick());
    }

    /** What the stream processor does per tick: the math, then the state's bytes for the store. */
    @Benchmark
    public byte[] featuresPerTickWithStateWrite() {
        state.onTick(nextTick());
        return state.toBytes();
    }

    /** The same plus reading the state back from bytes, as for the first tick of a key after a restart. */
    @Benchmark
    public Object featuresPerTickWithStoreRoundTrip() {
        SymbolState loaded = SymbolState.fromBytes(state.toBytes(), settings);
        Object outcome = loaded.onTick(nextTick());
        state = loaded;
        return outcome;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(SymbolStateBenchmark.class.getSimpleName()).build()).run();
    }
}
