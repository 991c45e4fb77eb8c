package com.marketpulse.evaluation.real;

import com.marketpulse.detection.core.Detector;
import com.marketpulse.events.AlertType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Prints the real-market tables. */
final class Report {

    private Report() {
    }

    static void alerts(Month month, List<GridRun.Raised> alerts, PrintStream out) {
        out.printf(Locale.US, "%s as %s: %,d bars, %d bad rows, %d alerts%n", month.name(), month.symbol(),
                month.bars().size(), month.badRows(), alerts.size());
        for (GridRun.Raised r : alerts) {
            out.printf(Locale.US, "%s  %-16s %-8s %3d  %s%n", r.firstDetected(), r.alert().type(), r.alert().level(),
                    r.alert().severity(), r.alert().explanation());
        }
    }

    static void months(List<MonthResult> results, Detector detector, PrintStream out) {
        out.println("Real months replayed as 1-minute candles (alerts of the month as it was):");
        out.printf("%-28s %-9s %5s %6s %6s %6s %6s %6s %6s %8s%n", "month", "symbol", "days", "alerts", "median",
                "worst", "spike", "volume", "burst", "material");
        for (MonthResult r : results) {
            List<Integer> perDay = r.perDay();
            var byType = r.quietByType();
            out.printf(Locale.US, "%-28s %-9s %5.1f %6d %6.1f %6d %6d %6d %6d %5d/%d%n", r.month().name(),
                    r.month().symbol(), r.days(), r.quiet().size(), median(perDay), Collections.max(perDay),
                    byType.get(AlertType.PRICE_SPIKE), byType.get(AlertType.VOLUME_ANOMALY),
                    byType.get(AlertType.VOLATILITY_BURST), r.material(), r.quiet().size());
        }
        out.println();
        out.println("Labelled events injected into the same months at random seconds (recall, median delay from onset):");
        out.printf("%-28s %-20s %8s %8s %10s%n", "month", "injected", "found", "recall", "delay p50");
        for (MonthResult r : results) {
            for (Injection kind : Injection.KINDS) {
                List<MonthResult.Found> ofKind = r.labels().stream()
                        .filter(f -> f.injection().describe().equals(kind.describe())).toList();
                printRecall(out, r.month().name(), kind.describe(), ofKind);
            }
            List<MonthResult.Found> moves = r.labels().stream()
                    .filter(f -> f.injection().expected() == AlertType.PRICE_SPIKE).toList();
            printRecall(out, r.month().name(), "all moves >= 3%", moves);
            out.printf(Locale.US, "%-28s %-20s precision %.3f (%d caused by injections, %d unmatched)%n%n",
                    r.month().name(), "all alerts", r.precision(), r.caused(), r.unmatched());
        }
        out.printf("model %s, cooldown %s, warm-up %s%n", detector.model().version(), detector.settings().cooldown(),
                detector.settings().warmUp());
    }

    static void venue(SimulatedVenue.Result r, PrintStream out) {
        out.printf(Locale.US, "Simulated %s venue, %.1f symbol-days after warm-up (recall, median delay from onset):%n",
                r.venue(), r.days());
        for (Injection kind : Injection.KINDS) {
            List<MonthResult.Found> ofKind = r.labels().stream()
                    .filter(f -> f.injection().describe().equals(kind.describe())).toList();
            if (!ofKind.isEmpty()) {
                printRecall(out, r.venue(), kind.describe(), ofKind);
            }
        }
        printRecall(out, r.venue(), "all moves >= 3%", r.labels().stream()
                .filter(f -> f.injection().expected() == AlertType.PRICE_SPIKE).toList());
        out.printf(Locale.US, "%-28s %-20s precision %.3f (%d alerts: %d caused by injections, %d unmatched = %.2f per "
                        + "symbol-day)%n%n", r.venue(), "all alerts", r.alerts() > 0 ? (double) r.caused() / r.alerts()
                        : Double.NaN, r.alerts(), r.caused(), r.unmatched(), r.unmatched() / r.days());
    }

    private static void printRecall(PrintStream out, String month, String kind, List<MonthResult.Found> found) {
        List<Long> delays = new ArrayList<>();
        found.stream().filter(MonthResult.Found::found).forEach(f -> delays.add(f.delay().toSeconds()));
        long hits = delays.size();
        out.printf(Locale.US, "%-28s %-20s %4d/%-3d %8.3f %9s%n", month, kind, hits, found.size(),
                found.isEmpty() ? Double.NaN : (double) hits / found.size(),
                delays.isEmpty() ? "-" : medianLong(delays) + " s");
    }

    static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static long medianLong(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
