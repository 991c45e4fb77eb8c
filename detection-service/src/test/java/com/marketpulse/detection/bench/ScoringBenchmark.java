package com.marketpulse.detection.bench;

import com.marketpulse.detection.core.AnomalyForest;
import com.marketpulse.detection.core.DetectionSettings;
import com.marketpulse.detection.core.Detector;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.detection.core.Finding;
import com.marketpulse.detection.core.Minimums;
import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.detection.core.episode.EpisodeStore;
import com.marketpulse.detection.core.episode.EpisodeTracker;
import com.marketpulse.detection.core.episode.EpisodeUpdate;
import com.marketpulse.events.MarketFeatures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring cost per grid step on one core, with the production model size (100 trees grown on 512 rows, 256 per
 * tree) and detection-core's classes as the service runs them:
 * <ul>
 *   <li>{@code detect}: the forest on every step and the three rules, on a realistic stream (calm steps with 1 %
 *       far out on one feature);</li>
 *   <li>{@code scoreAndTrackEpisodes}: the same plus the episode tracker ({@link ScoringPipeline}), i.e. all the
 *       work the scorer does per step except the database write and the Kafka publish of an alert;</li>
 *   <li>{@code forestScore}: the Isolation Forest alone.</li>
 * </ul>
 * Run: {@code ./mvnw -B -pl detection-service -Pbench -DskipTests test}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringBenchmark {

    private static final int STREAM = 1 << 16;

    private Detector detector;
    private ScoringPipeline pipeline;
    private MarketFeatures[] stream;
    private int next;

    @Setup
    public void setUp() {
        var model = DetectorModel.bootstrap("bench", 512, 42, new AnomalyForest.Options(100, 0.5, 0), Instant.EPOCH);
        var settings = new DetectionSettings(Duration.ofHours(3), 5, 6, 3, 0.25, Duration.ofMinutes(5),
                Map.of(DetectionSettings.DEFAULT, new Minimums(0.02, 0.025, 0.04, 250_000, 0.02)));
        detector = new Detector(model, settings);
        pipeline = new ScoringPipeline(detector,
                new EpisodeTracker(settings.cooldown(), EpisodeStore.none(), Clock.systemUTC()));
        stream = stream(new SplittableRandom(7));
    }

    @Benchmark
    public List<Finding> detect() {
        return detector.detect(nextStep());
    }

    @Benchmark
    public List<EpisodeUpdate> scoreAndTrackEpisodes() {
        List<EpisodeUpdate> updates = pipeline.score(nextStep());
        pipeline.commit(updates);
        return updates;
    }

    @Benchmark
    public double forestScore() {
        return detector.score(nextStep());
    }

    private MarketFeatures nextStep() {
        MarketFeatures f = stream[next];
        next = (next + 1) & (STREAM - 1);
        return f;
    }

    /** Calm steps (returns around their usual size, volume and volatility near usual) with 1 % far out. */
    private static MarketFeatures[] stream(SplittableRandom random) {
        MarketFeatures[] steps = new MarketFeatures[STREAM];
        Instant t = Instant.parse("2026-11-24T00:00:00Z");
        String[] symbols = {"BTC/USD", "ETH/USD", "SOL/USD"};
        for (int i = 0; i < STREAM; i++) {
            double r1 = 0.001 * random.nextGaussian();
            double r5 = 0.003 * random.nextGaussian();
            double r15 = 0.005 * random.nextGaussian();
            double volatility = 0.003 * Math.exp(0.25 * random.nextGaussian());
            double notional = 50_000 * Math.exp(0.8 * random.nextGaussian());
            if (random.nextDouble() < 0.01) {
                switch (random.nextInt(3)) {
                    case 0 -> r5 = -0.05 - 0.05 * random.nextDouble();
                    case 1 -> notional = 3_000_000 * (1 + random.nextDouble());
                    default -> volatility = 0.03 + 0.02 * random.nextDouble();
                }
            }
            t = t.plusSeconds(1);
            String symbol = symbols[i % 3];
            steps[i] = new MarketFeatures(MarketFeatures.idOf(symbol, t, null), symbol, t, 100 * Math.exp(r5), 600,
                    r1, r5, r15, 0.001, 0.003, 0.005, volatility, 0.003, notional, 5 * notional, 50_000, 0.0005, 5,
                    null);
        }
        return steps;
    }
}
