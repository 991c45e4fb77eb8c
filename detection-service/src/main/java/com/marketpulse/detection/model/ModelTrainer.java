package com.marketpulse.detection.model;

import com.marketpulse.detection.DetectionServiceProperties;
import com.marketpulse.detection.archive.ArchivedTick;
import com.marketpulse.detection.archive.TickArchiveReader;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.detection.core.ForestTrainer;
import com.marketpulse.events.Tick;
import com.marketpulse.feature.grid.GridSettings;
import com.marketpulse.feature.grid.GridStep;
import com.marketpulse.feature.grid.MarketState;
import com.marketpulse.files.BadRow;
import com.marketpulse.files.CandleFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a forest from real history with detection-core's {@link ForestTrainer}: the history is replayed per
 * symbol, in event time, through feature-service's own {@link MarketState}, and every grid step after warm-up is
 * offered to the trainer (a uniform sample of {@code rows} steps, whatever the history's length). Two histories:
 * the newest archived ticks, or a 1-minute candle file of one symbol.
 */
class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);

    /** A trained, not yet stored model and what it was trained from. */
    record Training(DetectorModel model, String notes) {
    }

    private final Path archive;
    private final DetectionServiceProperties.Model model;
    private final GridSettings grid;
    private final Duration warmUp;
    private final Clock clock;

    /**
     * @param grid   the feature grid history is replayed through, as feature-service computes it
     * @param warmUp grid steps with less history than this are not trained on (the detector's warm-up)
     */
    ModelTrainer(Path archive, DetectionServiceProperties.Model model, GridSettings grid, Duration warmUp,
                 Clock clock) {
        this.archive = archive;
        this.model = model;
        this.grid = grid;
        this.warmUp = warmUp;
        this.clock = clock;
    }

    /** A model grown on the archive, or empty when the archive holds too little history. */
    Optional<Training> train() {
        List<Path> files = new ArrayList<>(TickArchiveReader.files(archive));
        files.sort(Comparator.comparing((Path f) -> f.getParent().getParent().getFileName().toString())
                .thenComparing(Path::toString).reversed());
        List<Tick> ticks = new ArrayList<>();
        int used = 0;
        for (Path file : files) {
            if (ticks.size() >= model.archiveTicks()) {
                break;
            }
            TickArchiveReader.read(file).stream().map(ArchivedTick::tick).forEach(ticks::add);
            used++;
        }
        Steps steps = steps();
        Map<String, List<Tick>> bySymbol = ticks.stream().collect(Collectors.groupingBy(Tick::symbol,
                LinkedHashMap::new, Collectors.toList()));
        for (List<Tick> symbolTicks : bySymbol.values()) {
            MarketState state = MarketState.fresh(grid);
            symbolTicks.stream().sorted(Comparator.comparing(Tick::eventTime))
                    .forEach(tick -> steps.offer(state.onTrade(tick)));
        }
        if (ticks.isEmpty() || !enough(steps, "the archive under " + archive)) {
            return Optional.empty();
        }
        Instant from = ticks.stream().map(Tick::eventTime).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = ticks.stream().map(Tick::eventTime).max(Comparator.naturalOrder()).orElseThrow();
        String notes = String.format("%d rows sampled from %d grid steps of %d ticks (%d files, %d symbols, %s .. %s)",
                steps.trainer.sampled(), steps.warm, ticks.size(), used, bySymbol.size(), from, to);
        return Optional.of(new Training(steps.trainer.train("unsaved", model.options(), clock.instant()), notes));
    }

    /**
     * A model grown on one symbol's 1-minute candle file (Binance klines or a bars CSV, gzipped or not), or empty
     * when the file holds too little history. Bad rows are logged with their line numbers and skipped.
     */
    Optional<Training> train(Path candles, String symbol) {
        Steps steps = steps();
        MarketState state = MarketState.fresh(grid);
        List<BadRow> bad = new ArrayList<>();
        CandleFile.Summary summary = new CandleFile(candles, symbol, "binance", null)
                .read(bar -> steps.offer(state.onBar(bar)), row -> {
                    if (bad.size() < 10) {
                        bad.add(row);
                    }
                });
        bad.forEach(row -> log.warn("{} line {}: {}", candles, row.line(), row.reason()));
        if (!enough(steps, "the candle file " + candles)) {
            return Optional.empty();
        }
        String notes = String.format("%d rows sampled from %d grid steps of %d candles of %s in %s (%d bad rows)",
                steps.trainer.sampled(), steps.warm, summary.bars(), symbol, candles.getFileName(), summary.badRows());
        return Optional.of(new Training(steps.trainer.train("unsaved", model.options(),
                clock.instant()), notes));
    }

    private Steps steps() {
        return new Steps(new ForestTrainer(model.rows(), warmUp, model.bootstrapSeed()), warmUp.toMinutes());
    }

    private boolean enough(Steps steps, String history) {
        int needed = Math.max(2, model.minTrainingRows());
        if (steps.warm < needed) {
            log.info("{} holds {} grid steps after the warm-up of {}, fewer than the {} needed to train", history,
                    steps.warm, warmUp, needed);
            return false;
        }
        return true;
    }

    /** The trainer, and how many warm steps were offered to it (it keeps only a sample of them). */
    private static final class Steps {

        private final ForestTrainer trainer;
        private final long warmUpMinutes;
        private long warm;

        Steps(ForestTrainer trainer, long warmUpMinutes) {
            this.trainer = trainer;
            this.warmUpMinutes = warmUpMinutes;
        }

        void offer(GridStep step) {
            if (step.hasFeatures()) {
                trainer.offer(step.features());
                if (step.features().historyMinutes() >= warmUpMinutes) {
                    warm++;
                }
            }
        }
    }
}
