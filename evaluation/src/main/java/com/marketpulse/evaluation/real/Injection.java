package com.marketpulse.evaluation.real;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.SourceBar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A labelled event injected into a real month: a price move of {@code size} (0.03 = +3 %) spread evenly (in log
 * terms) over {@code duration} from the onset and kept afterwards, or traded volume {@code size} times the real
 * volume during {@code duration}. Onsets fall at random seconds, so a candle file (which shows a minute only at its
 * close) sees part of the move in the onset's minute.
 */
public record Injection(String symbol, AlertType expected, Instant onset, Duration duration, double size) {

    public Instant end() {
        return onset.plus(duration);
    }

    public String describe() {
        return expected == AlertType.VOLUME_ANOMALY
                ? "volume %.0f× for %d min".formatted(size, duration.toMinutes())
                : "%+.0f%% in %d min".formatted(size * 100, duration.toMinutes());
    }

    /** The kinds injected, in turn: ±3 % in 1 and 5 minutes, ±5 % in 5 minutes, volume 10× for 10 minutes. */
    static final List<Injection> KINDS = List.of(
            move(0.03, 1), move(-0.03, 1), move(-0.05, 5), move(0.05, 5), move(-0.03, 5), move(0.03, 5),
            new Injection(null, AlertType.VOLUME_ANOMALY, null, Duration.ofMinutes(10), 10));

    private static Injection move(double size, int minutes) {
        return new Injection(null, AlertType.PRICE_SPIKE, null, Duration.ofMinutes(minutes), size);
    }

    /**
     * A schedule over {@code [from, to)}: one injection every {@code every} on average (at least half of it apart),
     * the kinds in turn, each at a random second.
     */
    static List<Injection> schedule(String symbol, Instant from, Instant to, Duration every, long seed) {
        var random = new SplittableRandom(seed);
        List<Injection> schedule = new ArrayList<>();
        long gap = every.toSeconds();
        Instant at = from.plusSeconds(gap / 2 + random.nextLong(gap));
        for (int i = 0; at.isBefore(to.minus(Duration.ofHours(1))); i++) {
            Injection kind = KINDS.get(i % KINDS.size());
            schedule.add(new Injection(symbol, kind.expected(), at, kind.duration(), kind.size()));
            at = at.plusSeconds(gap / 2 + random.nextLong(gap));
        }
        return schedule;
    }

    /** The bars with every injection applied. */
    static List<SourceBar> apply(List<SourceBar> bars, List<Injection> injections) {
        List<SourceBar> out = new ArrayList<>(bars.size());
        for (SourceBar bar : bars) {
            double atStart = logShift(injections, bar.start());
            double atEnd = logShift(injections, bar.eventTime());
            double volume = bar.volume() * volumeFactor(injections, bar.start(), bar.eventTime());
            double hi = Math.exp(Math.max(atStart, atEnd));
            double lo = Math.exp(Math.min(atStart, atEnd));
            double mid = Math.exp((atStart + atEnd) / 2);
            out.add(new SourceBar(bar.eventId(), bar.symbol(), bar.start(), bar.eventTime(),
                    bar.open() * Math.exp(atStart), bar.high() * hi, bar.low() * lo, bar.close() * Math.exp(atEnd),
                    volume, bar.trades(), bar.vwap() * mid, bar.corrected(), bar.source(), bar.venue(),
                    bar.runId()));
        }
        return out;
    }

    /** The log price shift of all moves at {@code t}: 0 before an onset, the full move after its end. */
    static double logShift(List<Injection> injections, Instant t) {
        double shift = 0;
        for (Injection i : injections) {
            if (i.expected() == AlertType.VOLUME_ANOMALY || !t.isAfter(i.onset())) {
                continue;
            }
            double done = Math.min(1, (double) Duration.between(i.onset(), t).toNanos() / i.duration().toNanos());
            shift += done * Math.log1p(i.size());
        }
        return shift;
    }

    private static double volumeFactor(List<Injection> injections, Instant start, Instant end) {
        double factor = 1;
        double minute = Duration.between(start, end).toNanos();
        for (Injection i : injections) {
            if (i.expected() != AlertType.VOLUME_ANOMALY) {
                continue;
            }
            Instant from = i.onset().isAfter(start) ? i.onset() : start;
            Instant to = i.end().isBefore(end) ? i.end() : end;
            if (to.isAfter(from)) {
                factor += (i.size() - 1) * Duration.between(from, to).toNanos() / minute;
            }
        }
        return factor;
    }
}
