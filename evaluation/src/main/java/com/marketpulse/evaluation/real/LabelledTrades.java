package com.marketpulse.evaluation.real;

import com.marketpulse.detection.core.Detector;
import com.marketpulse.detection.core.quality.Matching;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Tick;
import com.marketpulse.feature.grid.GridSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * {@code ./evaluate.sh --trades FILE}: a labelled trades CSV ({@code timestamp,symbol,price,size,label}, the
 * simulator's label column: the kind of anomaly a trade is part of, empty for a normal trade) through the product's
 * feature grid and detector, scored per alert type as a backtest's report scores it: the file's labelled events are
 * its runs of consecutive trades of a symbol with the same label (from the first to the last of them, as ingestion's
 * replay reads the column), matched by detection-core's {@link Matching}.
 */
public final class LabelledTrades {

    /**
     * One type's figures ({@code type} null: every type).
     *
     * @param caused of the alerts, those raised or lasting within a labelled event's window (of any kind)
     * @param found  of the labelled events of the type, those found by an alert of the type
     */
    public record Score(AlertType type, long alerts, long caused, Double precision, long labels, long found,
                        Double recall, Long medianDelaySeconds) {
    }

    /** The file's rows and labelled events, read as a backtest reads them. */
    record Read(List<Tick> trades, List<Matching.Label> labels) {
    }

    private LabelledTrades() {
    }

    /**
     * As {@code ./evaluate.sh --trades FILE --config CONFIG} scores it: the deployment's grid and detection settings,
     * the bootstrap forest a fresh stack starts with (the forest sets only severities; the rules decide the alerts).
     */
    public static List<Score> scoreAsDeployed(Path file, Path config) throws IOException {
        var deployed = com.marketpulse.evaluation.DeployedConfig.load(config);
        var model = deployed.model();
        var forest = com.marketpulse.detection.core.DetectorModel.bootstrap("bootstrap", model.rows(),
                model.bootstrapSeed(), model.options(), Instant.EPOCH);
        return score(file, deployed.settings().features(), new Detector(forest, deployed.settings().detection()));
    }

    /** Per alert type, then every type together ({@code type} null), of the file's replay by this detector. */
    public static List<Score> score(Path file, GridSettings grid, Detector detector) throws IOException {
        Read read = read(file);
        GridRun run = new GridRun(grid, detector);
        read.trades().forEach(run::onTrade);
        List<Matching.Raised> raised = run.alerts().stream().map(r -> new Matching.Raised(r.alert().symbol(),
                r.alert().type(), r.firstDetected(), r.alert().endTime())).toList();
        List<Score> scores = new ArrayList<>();
        for (AlertType type : AlertType.values()) {
            scores.add(score(type, raised, read.labels()));
        }
        scores.add(score(null, raised, read.labels()));
        return scores;
    }

    private static Score score(AlertType type, List<Matching.Raised> raised, List<Matching.Label> labels) {
        List<Matching.Raised> ofType = raised.stream().filter(a -> type == null || a.type() == type).toList();
        long caused = ofType.stream().filter(a -> labels.stream()
                .anyMatch(l -> Matching.overlaps(a, l, Matching.GRACE))).count();
        List<Matching.Label> expected = labels.stream().filter(l -> type == null || l.expected() == type).toList();
        List<Duration> delays = expected.stream().map(l -> Matching.delay(l, raised, Matching.GRACE))
                .filter(d -> d != null).toList();
        return new Score(type, ofType.size(), caused, ofType.isEmpty() ? null : (double) caused / ofType.size(),
                expected.size(), delays.size(), expected.isEmpty() ? null : (double) delays.size() / expected.size(),
                Matching.medianSeconds(delays));
    }

    static Read read(Path file) throws IOException {
        List<Tick> trades = new ArrayList<>();
        List<Matching.Label> labels = new ArrayList<>();
        Map<String, Matching.Label> open = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("timestamp")) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                Instant time = Instant.parse(fields[0].trim());
                String symbol = fields[1].trim();
                Tick tick = Tick.live("replay", "replay", symbol, time, Double.parseDouble(fields[2].trim()),
                        Double.parseDouble(fields[3].trim()), file.getFileName() + ":" + number, null);
                trades.add(tick);
                String label = fields.length > 4 ? fields[4].trim().toUpperCase(Locale.ROOT) : "";
                // as ingestion reads the column: empty, normal, none or 0 is no anomaly
                AlertType kind = List.of("", "NORMAL", "NONE", "0").contains(label) ? null : AlertType.valueOf(label);
                Matching.Label current = open.get(symbol);
                if (current != null && current.expected() != kind) {
                    labels.add(open.remove(symbol));
                    current = null;
                }
                if (kind != null) {
                    open.put(symbol, new Matching.Label(symbol, kind, current == null ? time : current.onset(), time));
                }
            }
        }
        labels.addAll(open.values());
        return new Read(trades, labels);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static void print(Path file, List<Score> scores, PrintStream out) {
        out.printf("%s, scored as a backtest's report scores it:%n", file.getFileName());
        out.printf("%-18s %6s %6s %9s %6s %6s %7s %10s%n", "type", "alerts", "caused", "precision", "labels",
                "found", "recall", "delay p50");
        for (Score s : scores) {
            out.printf(Locale.US, "%-18s %6d %6d %9s %6d %6d %7s %10s%n", s.type() == null ? "all" : s.type(),
                    s.alerts(), s.caused(), s.precision() == null ? "-" : String.format(Locale.US, "%.3f",
                            s.precision()), s.labels(), s.found(),
                    s.recall() == null ? "-" : String.format(Locale.US, "%.3f", s.recall()),
                    s.medianDelaySeconds() == null ? "-" : s.medianDelaySeconds() + " s");
        }
    }
}
