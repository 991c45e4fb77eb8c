package com.marketpulse.evaluation.real;

import com.marketpulse.detection.core.Detector;
import com.marketpulse.events.AlertType;
import com.marketpulse.feature.grid.GridSettings;
import com.marketpulse.simulator.MarketEvent;
import com.marketpulse.simulator.MarketSimulator;
import com.marketpulse.simulator.SimulatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulator's venues (dense, or thin like Alpaca {@code us}) through the product's features and detector: the
 * same labelled moves as the real months (±3 % in 1 and 5 minutes, ±5 % in 5 minutes; on the dense venue also
 * volume 10× for 10 minutes), placed every few hours at random seconds after a warm-up, each symbol its own.
 * On the thin venue no trade needs to happen during a move: quotes and bars alone must show it.
 */
final class SimulatedVenue {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    record Result(String venue, List<MonthResult.Found> labels, int alerts, int caused, int unmatched, double days) {
    }

    private final GridSettings grid;
    private final Detector detector;
    private final Duration grace;

    SimulatedVenue(GridSettings grid, Detector detector, Duration grace) {
        this.grid = grid;
        this.detector = detector;
        this.grace = grace;
    }

    Result run(String venue, SimulatorOptions options, List<String> symbols, Duration span, Duration every,
               long seed) {
        var simulator = new MarketSimulator(options.withoutAnomalies().withSeed(seed), symbols, START);
        boolean withVolume = options.profile() == com.marketpulse.simulator.Profile.DENSE;
        List<Injection> injections = new ArrayList<>();
        var random = new SplittableRandom(seed);
        Instant from = START.plus(detector.settings().warmUp()).plus(Duration.ofHours(1));
        for (String symbol : symbols) {
            Instant at = from.plusSeconds(random.nextLong(every.toSeconds()));
            for (int i = 0; at.isBefore(START.plus(span).minus(Duration.ofHours(1))); i++) {
                Injection kind = Injection.KINDS.get(i % (withVolume ? Injection.KINDS.size() : Injection.KINDS.size() - 1));
                injections.add(new Injection(symbol, kind.expected(), at, kind.duration(), kind.size()));
                simulator.schedule(kind.expected() == AlertType.VOLUME_ANOMALY
                        ? MarketEvent.volume(symbol, at, kind.size(), kind.duration())
                        : MarketEvent.priceMove(symbol, at, kind.size() * 100, kind.duration()));
                at = at.plus(every.dividedBy(2)).plusSeconds(random.nextLong(every.toSeconds()));
            }
        }
        GridRun run = new GridRun(grid, detector);
        simulator.advanceTo(START.plus(span), run.sink(tick -> true));
        List<GridRun.Raised> alerts = run.alerts();
        List<MonthResult.Found> found = new ArrayList<>();
        for (Injection injection : injections) {
            found.add(new MonthResult.Found(injection, Matching.delay(injection, alerts, grace)));
        }
        int caused = (int) alerts.stream().filter(a -> injections.stream()
                .anyMatch(i -> Matching.overlaps(a, i, grace))).count();
        double days = symbols.size() * span.minus(detector.settings().warmUp()).toMinutes() / 1440.0;
        return new Result(venue, found, alerts.size(), caused, alerts.size() - caused, days);
    }
}
