package com.marketpulse.detection.bench;

import com.marketpulse.detection.episode.EpisodeStore;
import com.marketpulse.detection.episode.EpisodeTracker;
import com.marketpulse.detection.episode.EpisodeUpdate;
import com.marketpulse.detection.scoring.AnomalyForest;
import com.marketpulse.detection.scoring.DetectionRules;
import com.marketpulse.detection.scoring.Detector;
import com.marketpulse.detection.scoring.DetectorModel;
import com.marketpulse.detection.scoring.Finding;
import com.marketpulse.detection.scoring.HistoryBook;
import com.marketpulse.detection.scoring.SymbolHistory;
import com.marketpulse.events.FeatureVector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * Scoring cost per feature vector on one core, with the production model size (100 trees grown on 512 rows,
 * 256 per tree):
 * <ul>
 *   <li>{@code detect}: the symbol's recent history, the rules and, for vectors where a rule fires, the forest,
 *       on a realistic stream (calm features with 1% anomalous vectors);</li>
 *   <li>{@code detectAndTrackEpisodes}: the same plus the episode tracker, i.e. all the work the scorer does per
 *       vector except the database write and the Kafka publish of an alert;</li>
 *   <li>{@code forestScore}: the Isolation Forest alone on every vector (the cost of a vector the rules flag).</li>
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
    private EpisodeTracker episodes;
    private HistoryBook histories;
    private FeatureVector[] stream;
    private int next;

    @Setup
    public void setUp() {
        var model = DetectorModel.bootstrap("bench", 512, 42, new AnomalyForest.Options(100, 0.5, 0), Instant.EPOCH);
        detector = new Detector(model, DetectionRules.defaults(), 50);
        episodes = new EpisodeTracker(Duration.ofSeconds(60), EpisodeStore.none(), Clock.systemUTC());
        histories = new HistoryBook();
        stream = stream(new SplittableRandom(7));
    }

    @Benchmark
    public List<Finding> detect() {
        FeatureVector v = nextVector();
        SymbolHistory history = histories.of(v);
        List<Finding> findings = detector.detect(v, history);
        detector.remember(v, history);
        return findings;
    }

    @Benchmark
    public List<EpisodeUpdate> detectAndTrackEpisodes() {
        FeatureVector v = nextVector();
        SymbolHistory history = histories.of(v);
        List<EpisodeUpdate> updates = episodes.apply(detector.detect(v, history));
        episodes.commit(updates);
        detector.remember(v, history);
        return updates;
    }

    @Benchmark
    public double forestScore() {
        return detector.score(nextVector());
    }

    private FeatureVector nextVector() {
        FeatureVector v = stream[next];
        next = (next + 1) & (STREAM - 1);
        return v;
    }

    /** Calm features (Gaussian z-scores, volatility ratio near 1) with 1% of vectors far out on one feature. */
    private static FeatureVector[] stream(SplittableRandom random) {
        FeatureVector[] vectors = new FeatureVector[STREAM];
        Instant t = Instant.parse("2026-11-24T00:00:00Z");
        String[] symbols = {"BTC/USD", "ETH/USD", "SOL/USD"};
        for (int i = 0; i < STREAM; i++) {
            double priceZ = 1.3 * random.nextGaussian();
            double returnZ = random.nextGaussian();
            double volumeZ = random.nextGaussian();
            double volRatio = Math.exp(0.25 * random.nextGaussian());
            if (random.nextDouble() < 0.01) {
                switch (random.nextInt(3)) {
                    case 0 -> { priceZ = 6 + random.nextDouble() * 4; returnZ = 10; }
                    case 1 -> volumeZ = 6 + random.nextDouble() * 3;
                    default -> volRatio = 3 + random.nextDouble();
                }
            }
            double price = 100_000 + 20 * priceZ;
            t = t.plusMillis(250);
            vectors[i] = new FeatureVector("bench:" + i, symbols[i % 3], t, price, 0.01, 500, 100_000, 20, priceZ,
                    returnZ * 1e-4, returnZ, 100_000, (price - 100_000) / 100_000, 2e-4 * volRatio, 2e-4, volRatio,
                    1.5, volumeZ, 0.01, 4, null);
        }
        return vectors;
    }
}
