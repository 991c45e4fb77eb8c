package com.marketpulse.evaluation.real;

import com.marketpulse.detection.core.Detector;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.evaluation.DeployedConfig;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.feature.grid.GridSettings;
import com.marketpulse.feature.grid.MarketState;
import com.marketpulse.simulator.EventStyle;
import com.marketpulse.simulator.MarketSimulator;
import com.marketpulse.simulator.MarketSink;
import com.marketpulse.simulator.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one market event (trade, quote or source bar) on one core, with the deployed configuration and the
 * bootstrap model: the grid feature math alone ({@link MarketState}), and features plus detection (the core
 * scoring pipeline: forest on every grid step, rules, episodes) as {@link GridRun} runs them. The events are the
 * simulator's dense or thin venue with market events (3 symbols interleaved), replayed in rounds shifted in time
 * so that every event is new and in order. Run: {@code ./bench.sh}. One operation is one event: ops/s = events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GridPipelineBenchmark {

    private static final int EVENTS = 1 << 18;

    @Param({"DENSE", "THIN"})
    public Profile venue;

    private Object[] events;
    private Duration span;
    private GridSettings grid;
    private final Map<String, MarketState> states = new HashMap<>();
    private GridRun run;
    private Detector detector;
    private int next;
    private Duration shift = Duration.ZERO;

    @Setup
    public void simulate() {
        DeployedConfig config = DeployedConfig.load(DeployedConfig.defaultFile());
        grid = config.settings().features();
        var model = config.model();
        detector = new Detector(DetectorModel.bootstrap("bench", model.rows(), model.bootstrapSeed(), model.options(),
                Instant.EPOCH), config.settings().detection());
        run = new GridRun(grid, detector);
        List<Object> recorded = new ArrayList<>(EVENTS);
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        var options = config.settings().simulator().withSeed(42).withProfile(venue, EventStyle.MARKET);
        var simulator = new MarketSimulator(options, config.settings().symbols(), start);
        MarketSink sink = new MarketSink() {
            @Override
            public void onTick(Tick tick) {
                recorded.add(tick);
            }

            @Override
            public void onQuote(Quote quote) {
                recorded.add(quote);
            }

            @Override
            public void onBar(SourceBar bar) {
                recorded.add(bar);
            }

            @Override
            public void onLabel(AnomalyLabel label) {
            }
        };
        Instant until = start;
        while (recorded.size() < EVENTS) {
            until = until.plus(Duration.ofMinutes(10));
            simulator.advanceTo(until, sink);
        }
        events = recorded.subList(0, EVENTS).toArray();
        span = Duration.between(start, until).plusMinutes(1);
    }

    @Benchmark
    public Object features() {
        Object event = nextEvent();
        return switch (event) {
            case Tick t -> states.computeIfAbsent(t.symbol(), s -> MarketState.fresh(grid)).onTrade(t);
            case Quote q -> states.computeIfAbsent(q.symbol(), s -> MarketState.fresh(grid)).onQuote(q);
            case SourceBar b -> states.computeIfAbsent(b.symbol(), s -> MarketState.fresh(grid)).onBar(b);
            default -> throw new IllegalStateException();
        };
    }

    @Benchmark
    public long featuresAndDetection() {
        switch (nextEvent()) {
            case Tick t -> run.onTrade(t);
            case Quote q -> run.onQuote(q);
            case SourceBar b -> run.onBar(b);
            default -> throw new IllegalStateException();
        }
        return run.steps();
    }

    /** The next event, shifted by whole rounds so that every event is new and later than the one before. */
    private Object nextEvent() {
        Object event = events[next];
        if (++next == events.length) {
            next = 0;
            shift = shift.plus(span);
        }
        if (shift.isZero()) {
            return event;
        }
        return switch (event) {
            case Tick t -> new Tick(t.eventId() + "+" + shift.toMinutes(), t.symbol(), t.eventTime().plus(shift),
                    t.price(), t.size(), t.tradeId(), t.takerSide(), t.source(), t.venue(), t.runId());
            case Quote q -> new Quote(q.eventId(), q.symbol(), q.eventTime().plus(shift), q.bidPrice(), q.bidSize(),
                    q.askPrice(), q.askSize(), q.source(), q.venue(), q.runId());
            case SourceBar b -> new SourceBar(b.eventId(), b.symbol(), b.start().plus(shift),
                    b.eventTime().plus(shift), b.open(), b.high(), b.low(), b.close(), b.volume(), b.trades(),
                    b.vwap(), b.corrected(), b.source(), b.venue(), b.runId());
            default -> throw new IllegalStateException();
        };
    }
}
