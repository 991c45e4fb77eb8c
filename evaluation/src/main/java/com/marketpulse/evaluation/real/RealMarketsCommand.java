package com.marketpulse.evaluation.real;

import static com.marketpulse.detection.core.quality.Matching.GRACE;

import com.marketpulse.detection.core.DetectionSettings;
import com.marketpulse.detection.core.Detector;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.detection.core.ForestTrainer;
import com.marketpulse.evaluation.DeployedConfig;
import com.marketpulse.events.SourceBar;
import com.marketpulse.feature.grid.GridSettings;
import com.marketpulse.feature.grid.MarketState;
import com.marketpulse.settings.Settings;
import com.marketpulse.simulator.EventStyle;
import com.marketpulse.simulator.Profile;
import com.marketpulse.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./evaluate.sh}: detection quality as deployed (config/marketpulse.yml, or {@code --config}) on the real
 * months of {@code ../shared/data/klines/} ({@code --klines DIR}) replayed as candles, as they were and with labelled
 * moves injected, then on the simulator's thin and dense venues ({@code --venues false} skips them).
 * {@code ./evaluate.sh --candles FILE --symbol DOT/USD} replays one candle file and prints the alerts it raised;
 * {@code ./evaluate.sh --trades FILE} scores a labelled trades file per alert type ({@link LabelledTrades});
 * {@code ./evaluate.sh --simulate-trades FILE [--symbol S] [--seed N]} writes one ({@link LabelledSimulatorFile}).
 * {@code --train FILE} grows the forest on a candle file first; {@code --seed N} changes the injections.
 */
public final class RealMarketsCommand {

    static final Path KLINES = Path.of("../shared/data/klines");

    private RealMarketsCommand() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "0");
        Options options = Options.parse(args);
        DeployedConfig config = DeployedConfig.load(options.config());
        GridSettings grid = config.settings().features();
        DetectionSettings settings = config.settings().detection();
        Detector detector = new Detector(options.model(grid, config), settings);
        var real = new RealMarkets(grid, detector, GRACE, Duration.ofHours(6));
        if (options.simulate() != null) {
            LabelledSimulatorFile.write(options.simulate(), options.symbol() == null ? "BTC/USD" : options.symbol(),
                    options.seed(), settings.warmUp().plusMinutes(10), 8, 1.0);
            System.out.println("wrote " + options.simulate());
            return;
        }
        if (options.trades() != null) {
            LabelledTrades.print(options.trades(), LabelledTrades.score(options.trades(), grid, detector), System.out);
            return;
        }
        if (options.candles() != null) {
            Month month = Month.read(options.candles(), options.symbol() != null ? options.symbol()
                    : Month.symbolOf(options.candles()));
            Report.alerts(month, real.run(month.bars()), System.out);
            return;
        }
        List<MonthResult> results = new ArrayList<>();
        for (Path file : options.files()) {
            Month month = Month.read(file, Month.symbolOf(file));
            results.add(real.evaluate(month, options.seed()));
        }
        Report.months(results, detector, System.out);
        if (options.venues()) {
            var venues = new SimulatedVenue(grid, detector, GRACE);
            List<String> symbols = List.of("BTC/USD", "ETH/USD", "SOL/USD");
            Duration span = Duration.ofDays(2);
            SimulatorOptions defaults = Settings.defaults().simulator();
            Report.venue(venues.run("thin (Alpaca us-like)", defaults.withProfile(Profile.THIN, EventStyle.MARKET),
                    symbols, span, Duration.ofHours(2), options.seed()), System.out);
            Report.venue(venues.run("dense", defaults.withProfile(Profile.DENSE, EventStyle.MARKET),
                    symbols, span, Duration.ofHours(2), options.seed()), System.out);
        }
    }

    record Options(Path config, Path candles, Path trades, Path simulate, String symbol, List<Path> files, long seed,
                   Path train, boolean venues) {

        static Options parse(String... args) throws IOException {
            Path config = DeployedConfig.defaultFile();
            Path candles = null;
            Path trades = null;
            Path simulate = null;
            String symbol = null;
            Path dir = KLINES;
            long seed = 1;
            Path train = null;
            boolean venues = true;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--config" -> config = Path.of(args[i + 1]);
                    case "--candles" -> candles = Path.of(args[i + 1]);
                    case "--trades" -> trades = Path.of(args[i + 1]);
                    case "--simulate-trades" -> simulate = Path.of(args[i + 1]);
                    case "--symbol" -> symbol = args[i + 1];
                    case "--klines" -> dir = Path.of(args[i + 1]);
                    case "--seed" -> seed = Long.parseLong(args[i + 1]);
                    case "--train" -> train = Path.of(args[i + 1]);
                    case "--venues" -> venues = Boolean.parseBoolean(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            List<Path> files = new ArrayList<>();
            if (candles == null && trades == null && simulate == null) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.toString().endsWith(".csv.gz") || p.toString().endsWith(".csv")).sorted()
                            .forEach(files::add);
                }
            }
            return new Options(config, candles, trades, simulate, symbol, files, seed, train, venues);
        }

        /** The bootstrap forest a fresh stack starts with, or one trained on a candle file ({@code --train}). */
        DetectorModel model(GridSettings grid, DeployedConfig config) {
            var model = config.model();
            var options = model.options();
            if (train == null) {
                return DetectorModel.bootstrap("bootstrap", model.rows(), model.bootstrapSeed(), options, Instant.EPOCH);
            }
            var trainer = new ForestTrainer(model.rows(), config.settings().detection().warmUp(), seed);
            Month month = Month.read(train, Month.symbolOf(train));
            MarketState state = MarketState.fresh(grid);
            for (SourceBar bar : month.bars()) {
                var step = state.onBar(bar);
                if (step.hasFeatures()) {
                    trainer.offer(step.features());
                }
            }
            return trainer.train("candles-" + month.name(), options, Instant.EPOCH);
        }
    }
}
