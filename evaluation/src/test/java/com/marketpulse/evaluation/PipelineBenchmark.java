package com.marketpulse.evaluation;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Tick;
import com.marketpulse.feature.math.SymbolState;
import com.marketpulse.simulator.MarketSimulator;
import com.marketpulse.simulator.MarketSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/**
 * Cost of one tick on one core (one thread), with the deployed configuration ({@code config/marketpulse.yml}) and
 * the bootstrap model: the feature math alone ({@link SymbolState#onTick}), and the whole per-tick path of
 * {@link DetectionPipeline} (features, the detector's rules and forest, the symbol's history, the episode
 * tracker). The ticks are a simulated stream with anomalies (3 symbols interleaved, as on the topic), replayed
 * in rounds shifted in time so that every tick is new and in order. Run: {@code ./bench.sh}. One operation is
 * one tick, so ops/s is ticks per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineBenchmark {

    private static final int TICKS = 1 << 18;

    private Tick[] ticks;
    private Duration span;
    private final Map<String, SymbolState> states = new HashMap<>();
    private DetectionPipeline pipeline;
    private DeployedConfig config;
    private int next;
    private Duration shift = Duration.ZERO;

    @Setup
    public void simulate() {
        config = DeployedConfig.load(DeployedConfig.defaultFile());
        ticks = new Tick[TICKS];
        int[] count = {0};
        var simulator = new MarketSimulator(config.simulator().withSeed(42), config.symbols(), StreamRun.START);
        MarketSink sink = new MarketSink() {
            @Override
            public void onTick(Tick tick) {
                if (count[0] < TICKS) {
                    ticks[count[0]++] = tick;
                }
            }

            @Override
            public void onLabel(AnomalyLabel label) {
                // the stream has its anomalies; the benchmark needs no ground truth
            }
        };
        Instant until = StreamRun.START;
        while (count[0] < TICKS) {
            until = until.plusSeconds(60);
            simulator.advanceTo(until, sink);
        }
        span = Duration.between(ticks[0].eventTime(), ticks[TICKS - 1].eventTime()).plusSeconds(1);
        var model = Models.BOOTSTRAP.build(config, 42);
        pipeline = DetectionPipeline.of(config, model, Clock.fixed(StreamRun.START, ZoneOffset.UTC));
        for (int i = 0; i < TICKS; i++) {
            Tick tick = nextTick();
            pipeline.onTick(tick);
            states.computeIfAbsent(tick.symbol(), s -> SymbolState.fresh(config.features())).onTick(tick);
        }
    }

    /** The next tick of the stream; a new round is shifted by the stream's span, so time only moves forward. */
    private Tick nextTick() {
        int i = next++ & (TICKS - 1);
        if (i == 0) {
            shift = shift.plus(span);
        }
        Tick t = ticks[i];
        return new Tick(t.eventId(), t.symbol(), t.eventTime().plus(shift), t.price(), t.size(), t.tradeId(),
                t.takerSide(), t.source(), t.venue(), t.runId());
    }

    /** feature-service's per-tick math alone (no state store). */
    @Benchmark
    public Object features() {
        Tick tick = nextTick();
        return states.get(tick.symbol()).onTick(tick);
    }

    /** Features, then detection-service's scoring and episode tracking, as {@link DetectionPipeline} runs them. */
    @Benchmark
    public Object featuresScoringEpisodes() {
        return pipeline.onTick(nextTick());
    }
}
