package com.marketpulse.detection.model;

import com.marketpulse.detection.DetectionProperties;
import com.marketpulse.detection.MarketProperties;
import com.marketpulse.detection.archive.ArchivedTick;
import com.marketpulse.detection.archive.TickArchiveReader;
import com.marketpulse.detection.scoring.AnomalyForest;
import com.marketpulse.detection.scoring.DetectorModel;
import com.marketpulse.detection.scoring.FeatureSpace;
import com.marketpulse.events.Tick;
import com.marketpulse.feature.math.SymbolState;
import com.marketpulse.feature.math.TickOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a forest from real history: reads the newest archived ticks, replays each symbol's features in event
 * time with feature-service's math, keeps the vectors after warm-up, draws {@code rows} of them at random and grows the forest on their
 * {@link FeatureSpace} coordinates (normalized, so one model serves every symbol).
 */
class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);

    /** A trained, not yet stored model and what it was trained from. */
    record Training(DetectorModel model, String notes) {
    }

    private final Path archive;
    private final DetectionProperties properties;
    private final MarketProperties.Features windows;
    private final Clock clock;

    ModelTrainer(Path archive, DetectionProperties properties, MarketProperties.Features windows, Clock clock) {
        this.archive = archive;
        this.properties = properties;
        this.windows = windows;
        this.clock = clock;
    }

    /** A model grown on the archive, or empty when the archive holds too little history. */
    Optional<Training> train() {
        var settings = properties.model();
        List<Path> files = new ArrayList<>(TickArchiveReader.files(archive));
        files.sort(Comparator.comparing((Path f) -> f.getParent().getParent().getFileName().toString())
                .thenComparing(Path::toString).reversed());
        List<Tick> ticks = new ArrayList<>();
        int used = 0;
        for (Path file : files) {
            if (ticks.size() >= settings.archiveTicks()) {
                break;
            }
            TickArchiveReader.read(file).stream().map(ArchivedTick::tick).forEach(ticks::add);
            used++;
        }
        List<double[]> points = points(ticks);
        if (points.size() < settings.minTrainingRows()) {
            log.info("The archive under {} holds {} usable feature vectors ({} ticks), fewer than the {} needed to "
                    + "train", archive, points.size(), ticks.size(), settings.minTrainingRows());
            return Optional.empty();
        }
        Collections.shuffle(points, new Random(points.size()));
        double[][] rows = points.subList(0, Math.min(settings.rows(), points.size())).toArray(double[][]::new);
        var forest = AnomalyForest.fit(rows, settings.options());
        Instant from = ticks.stream().map(Tick::eventTime).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = ticks.stream().map(Tick::eventTime).max(Comparator.naturalOrder()).orElseThrow();
        long symbols = ticks.stream().map(Tick::symbol).distinct().count();
        String notes = String.format("%d rows drawn from %d feature vectors of %d ticks (%d files, %d symbols, %s .. %s)",
                rows.length, points.size(), ticks.size(), used, symbols, from, to);
        return Optional.of(new Training(new DetectorModel("unsaved", forest, DetectorModel.ARCHIVE,
                clock.instant(), rows.length), notes));
    }

    /**
     * The feature-space points of every vector after warm-up: each symbol's ticks replayed in event-time order
     * through feature-service's own {@link SymbolState} (which also drops duplicates).
     */
    private List<double[]> points(List<Tick> ticks) {
        Map<String, List<Tick>> bySymbol = ticks.stream().collect(Collectors.groupingBy(Tick::symbol,
                LinkedHashMap::new, Collectors.toList()));
        List<double[]> points = new ArrayList<>();
        for (List<Tick> symbolTicks : bySymbol.values()) {
            SymbolState state = SymbolState.fresh(windows.settings());
            symbolTicks.stream().sorted(Comparator.comparing(Tick::eventTime)).forEach(tick -> {
                if (state.onTick(tick) instanceof TickOutcome.Accepted accepted
                        && accepted.features().samples() >= properties.warmUpSamples()) {
                    points.add(FeatureSpace.of(accepted.features()));
                }
            });
        }
        return points;
    }
}
