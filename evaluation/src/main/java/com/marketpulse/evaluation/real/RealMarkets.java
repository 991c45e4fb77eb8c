package com.marketpulse.evaluation.real;

import com.marketpulse.detection.core.Detector;
import com.marketpulse.detection.core.Minimums;
import com.marketpulse.detection.core.VolatilityRule;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.SourceBar;
import com.marketpulse.feature.grid.GridSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one real month through the product's features and detector twice: as it was, and with labelled moves
 * injected at random instants; then matches ({@link Matching}). An alert of the injected run that no injection
 * caused is explained by the real month when an alert of the same type overlaps it there (within the cooldown),
 * and unmatched (false) otherwise.
 */
final class RealMarkets {

    private final GridSettings grid;
    private final Detector detector;
    private final Duration grace;
    private final Duration every;

    RealMarkets(GridSettings grid, Detector detector, Duration grace, Duration every) {
        this.grid = grid;
        this.detector = detector;
        this.grace = grace;
        this.every = every;
    }

    List<GridRun.Raised> run(List<SourceBar> bars) {
        GridRun run = new GridRun(grid, detector);
        bars.forEach(run::onBar);
        return run.alerts();
    }

    MonthResult evaluate(Month month, long seed) {
        List<GridRun.Raised> quiet = run(month.bars());
        Instant judgedFrom = month.start().plus(detector.settings().warmUp());
        Minimums minimums = detector.settings().minimumsFor(month.symbol());
        int material = (int) quiet.stream().filter(r -> isMaterial(r, minimums)).count();
        List<Injection> injections = Injection.schedule(month.symbol(), judgedFrom.plus(Duration.ofDays(1)),
                month.end(), every, seed);
        List<GridRun.Raised> injected = run(Injection.apply(month.bars(), injections));
        List<MonthResult.Found> found = new ArrayList<>();
        for (Injection injection : injections) {
            found.add(new MonthResult.Found(injection, Matching.delay(injection, injected, grace)));
        }
        int caused = 0;
        int unmatched = 0;
        for (GridRun.Raised alert : injected) {
            if (injections.stream().anyMatch(i -> Matching.overlaps(alert, i, grace))) {
                caused++;
            } else if (quiet.stream().noneMatch(q -> sameEpisode(q, alert))) {
                unmatched++;
            }
        }
        return new MonthResult(month, judgedFrom, quiet, material, found, caused, unmatched);
    }

    private boolean sameEpisode(GridRun.Raised quiet, GridRun.Raised alert) {
        Duration cooldown = detector.settings().cooldown();
        return quiet.alert().type() == alert.alert().type()
                && !quiet.alert().eventTime().minus(cooldown).isAfter(alert.alert().endTime())
                && !quiet.alert().endTime().plus(cooldown).isBefore(alert.alert().eventTime());
    }

    /** Checked apart from the rules: the first step of the alert clears the symbol's minimum for its type. */
    static boolean isMaterial(GridRun.Raised raised, Minimums m) {
        MarketFeatures f = raised.firstFeatures();
        AlertType type = raised.alert().type();
        return switch (type) {
            case PRICE_SPIKE -> Math.abs(Math.expm1(f.return1m())) >= m.move1m()
                    || Math.abs(Math.expm1(f.return5m())) >= m.move5m()
                    || Math.abs(Math.expm1(f.return15m())) >= m.move15m();
            case VOLUME_ANOMALY -> f.notional5m() >= m.notional5m() || f.notional1m() >= 0.4 * m.notional5m();
            case VOLATILITY_BURST -> VolatilityRule.swings(f) >= m.volatility10m();
        };
    }
}
