package com.marketpulse.feature.math;

import com.marketpulse.events.Bar;
import com.marketpulse.events.FeatureVector;
import com.marketpulse.events.Tick;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The features recomputed from scratch for every tick, straight from their definitions (two-pass mean and
 * variance, sorting for median and MAD, a pass over all trades for the time window). Slow and obviously
 * right: the reference the streaming code is checked against.
 */
final class NaiveFeatures {

    private static final MathContext EXACT_ENOUGH = new MathContext(40);

    private final FeatureSettings settings;
    private final List<Tick> accepted = new ArrayList<>();
    private final List<Tick> openBarTicks = new ArrayList<>();
    private Tick openBarFirst;
    private long openBarIndex;

    NaiveFeatures(FeatureSettings settings) {
        this.settings = settings;
    }

    TickOutcome onTick(Tick tick) {
        Set<String> recent = new HashSet<>();
        for (int i = Math.max(0, accepted.size() - RecentIds.CAPACITY); i < accepted.size(); i++) {
            recent.add(accepted.get(i).eventId());
        }
        if (recent.contains(tick.eventId())) {
            return new TickOutcome.Duplicate(tick.eventId());
        }
        if (!accepted.isEmpty() && tick.eventTime().isBefore(accepted.getLast().eventTime())) {
            boolean folded = !openBarTicks.isEmpty() && barIndex(tick) == openBarIndex;
            if (folded) {
                openBarTicks.add(tick);
                if (tick.eventTime().isBefore(openBarFirst.eventTime())) {
                    openBarFirst = tick;
                }
            }
            return new TickOutcome.OutOfOrder(tick.eventId(), folded);
        }
        FeatureVector features = features(tick);
        accepted.add(tick);
        return new TickOutcome.Accepted(features, bar(tick));
    }

    /** The tolerances of the last accepted tick's features, in a FeatureVector's fields. */
    FeatureVector lastTolerances() {
        return lastTolerances;
    }

    private FeatureVector lastTolerances;

    private FeatureVector features(Tick tick) {
        List<Tick> before = accepted;
        double[] beforePrices = before.stream().mapToDouble(Tick::price).toArray();
        double[] previousPrices = last(beforePrices, settings.priceWindow());
        double priceMean = mean(previousPrices);
        double priceStd = std(previousPrices);
        double priceZ = priceStd > 0 ? (tick.price() - priceMean) / priceStd : 0;
        Tolerance price = new Tolerance(last(beforePrices, 2 * settings.priceWindow()), priceMean, priceStd);

        double[] allReturns = returns(before);
        double logReturn = before.isEmpty() ? 0 : logReturn(before.getLast().price(), tick.price());
        double returnZ = 0;
        double returnZTolerance = 0;
        if (!before.isEmpty()) {
            double[] window = last(allReturns, settings.robustWindow());
            double median = median(window);
            double[] deviations = Arrays.stream(window).map(r -> Math.abs(r - median)).toArray();
            double scale = 1.4826 * median(deviations);
            returnZTolerance = 1e-12;
            if (!(scale > 0)) {
                double[] longWindow = last(allReturns, settings.volLongWindow());
                scale = std(longWindow);
                returnZTolerance = new Tolerance(last(allReturns, 2 * settings.volLongWindow()), 0, scale)
                        .ofZ(scale > 0 ? (logReturn - median) / scale : 0, scale > 0);
            }
            returnZ = scale > 0 ? (logReturn - median) / scale : 0;
        }

        double[] beforeLogSizes = before.stream().filter(t -> t.size() > 0).mapToDouble(t -> Math.log(t.size()))
                .toArray();
        double[] logSizes = last(beforeLogSizes, settings.robustWindow());
        double sizeMean = mean(logSizes);
        double sizeStd = std(logSizes);
        double volumeZ = tick.size() > 0 && sizeStd > 0 ? (Math.log(tick.size()) - sizeMean) / sizeStd : 0;
        double typicalSize = logSizes.length > 0 ? Math.exp(sizeMean) : 0;
        Tolerance sizes = new Tolerance(last(beforeLogSizes, 2 * settings.robustWindow()), sizeMean, sizeStd);

        List<Tick> now = new ArrayList<>(before);
        now.add(tick);
        double[] nowPrices = now.stream().mapToDouble(Tick::price).toArray();
        List<Tick> priceWindow = now.subList(Math.max(0, now.size() - settings.priceWindow()), now.size());
        double sizeSum = priceWindow.stream().mapToDouble(Tick::size).sum();
        double vwap = sizeSum > 0
                ? priceWindow.stream().mapToDouble(t -> t.price() * t.size()).sum() / sizeSum
                : mean(priceWindow.stream().mapToDouble(Tick::price).toArray());
        double vwapTolerance = new Tolerance(last(nowPrices, 2 * settings.priceWindow()), vwap, 0).ofMean()
                + weightedSumNoise(now, 2 * settings.priceWindow(), vwap, sizeSum);
        double[] returnsNow = returns(now);
        double volShort = std(last(returnsNow, settings.volShortWindow()));
        double volLong = std(last(returnsNow, settings.volLongWindow()));
        Tolerance shortVol = new Tolerance(last(returnsNow, 2 * settings.volShortWindow()), 0, volShort);
        Tolerance longVol = new Tolerance(last(returnsNow, 2 * settings.volLongWindow()), 0, volLong);
        double volRatio = volLong > 0 ? volShort / volLong : 1.0;

        long bucketNanos = settings.volumeTimeWindow().toNanos() / TimeBuckets.BUCKETS;
        long newest = Math.floorDiv(nanos(tick.eventTime()), bucketNanos);
        long first = Math.floorDiv(nanos(now.getFirst().eventTime()), bucketNanos);
        List<Tick> inWindow = now.stream()
                .filter(t -> Math.floorDiv(nanos(t.eventTime()), bucketNanos) > newest - TimeBuckets.BUCKETS).toList();
        double volume = inWindow.stream().mapToDouble(Tick::size).sum();
        double covered = Math.min(TimeBuckets.BUCKETS, newest - first + 1) * (bucketNanos / 1e9);
        double tradeRate = inWindow.size() / covered;
        // a running sum keeps up to a few ε of the sizes that passed through it (a window of zero-size trades
        // after large ones is not exactly 0)
        double passedSizes = now.stream()
                .filter(t -> Math.floorDiv(nanos(t.eventTime()), bucketNanos) > newest - 2 * TimeBuckets.BUCKETS)
                .mapToDouble(Tick::size).sum();

        lastTolerances = new FeatureVector(tick.eventId(), tick.symbol(), tick.eventTime(), 0, 0, 0,
                price.ofMean(), price.ofStd(), price.ofZ(priceZ, priceStd > 0), 0, returnZTolerance, vwapTolerance,
                vwapTolerance / vwap, shortVol.ofStd(), longVol.ofStd(),
                volLong > 0 && volShort > 0 ? volRatio * (shortVol.ofStd() / volShort + longVol.ofStd() / volLong) : 0,
                1e-9 * volume + 1e-13 * passedSizes, sizes.ofZ(volumeZ, sizeStd > 0),
                typicalSize * sizes.ofMean(), 1e-12 * tradeRate,
                tick.runId());
        return new FeatureVector(tick.eventId(), tick.symbol(), tick.eventTime(), tick.price(), tick.size(),
                now.size(), priceMean, priceStd, priceZ, logReturn, returnZ, vwap, (tick.price() - vwap) / vwap,
                volShort, volLong, volRatio, volume, volumeZ, typicalSize, tradeRate, tick.runId());
    }

    /**
     * How far a streaming statistic may be from the exact one. An O(1) sliding update cannot be more accurate
     * than the rounding of the values that passed through it since the last recomputation (the last two
     * windows): the variance is allowed {@value #VARIANCE_NOISE} of their squared range, on top of a relative
     * 1e-9. A z-score inherits the errors of its mean and standard deviation.
     */
    private record Tolerance(double range, double mean, double std) {

        static final double VARIANCE_NOISE = 1e-13;

        Tolerance(double[] recent, double mean, double std) {
            this(recent.length == 0 ? 0 : Arrays.stream(recent).max().orElseThrow()
                    - Arrays.stream(recent).min().orElseThrow(), mean, std);
        }

        double ofMean() {
            return 1e-12 * range + 1e-15 * Math.abs(mean);
        }

        double ofStd() {
            return std > 0 ? 1e-9 * std + VARIANCE_NOISE * range * range / (2 * std) : 0;
        }

        double ofZ(double z, boolean defined) {
            return defined ? 1e-9 * Math.max(1, Math.abs(z)) + (ofMean() + Math.abs(z) * ofStd()) / std : 0;
        }
    }

    /**
     * The rounding noise of a running size-weighted sum, divided by the window's total size: a trade that was
     * added and later removed leaves up to ε·|s·(p − vwap)| behind, which weighs heavily when the trades left in
     * the window are small (sizes span orders of magnitude). Allowed: 1e-13 of the weighted deviations of the last
     * {@code ticks} trades (about 2 ε per addition and removal between two re-centerings).
     */
    private static double weightedSumNoise(List<Tick> ticks, int count, double vwap, double sizeSum) {
        if (!(sizeSum > 0)) {
            return 0;
        }
        double weighted = ticks.subList(Math.max(0, ticks.size() - count), ticks.size()).stream()
                .mapToDouble(t -> t.size() * Math.abs(t.price() - vwap)).sum();
        return 1e-13 * weighted / sizeSum;
    }

    private Optional<Bar> bar(Tick tick) {
        long index = barIndex(tick);
        Optional<Bar> completed = Optional.empty();
        if (!openBarTicks.isEmpty() && index > openBarIndex) {
            long interval = settings.barInterval().toNanos();
            Instant start = Instant.EPOCH.plusNanos(openBarIndex * interval);
            Instant end = Instant.EPOCH.plusNanos((openBarIndex + 1) * interval);
            Tick lastAccepted = accepted.get(accepted.size() - 2);
            completed = Optional.of(new Bar(Bar.idOf(tick.symbol(), start, tick.runId()), tick.symbol(), start, end,
                    openBarFirst.price(), openBarTicks.stream().mapToDouble(Tick::price).max().orElseThrow(),
                    openBarTicks.stream().mapToDouble(Tick::price).min().orElseThrow(), lastAccepted.price(),
                    openBarTicks.stream().mapToDouble(Tick::size).sum(), openBarTicks.size(), tick.runId()));
            openBarTicks.clear();
        }
        if (openBarTicks.isEmpty()) {
            openBarIndex = index;
            openBarFirst = tick;
        }
        openBarTicks.add(tick);
        return completed;
    }

    private long barIndex(Tick tick) {
        return Math.floorDiv(nanos(tick.eventTime()), settings.barInterval().toNanos());
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static double[] returns(List<Tick> ticks) {
        double[] returns = new double[Math.max(0, ticks.size() - 1)];
        for (int i = 1; i < ticks.size(); i++) {
            returns[i - 1] = logReturn(ticks.get(i - 1).price(), ticks.get(i).price());
        }
        return returns;
    }

    /** log(p / previous), through log1p so that a cent on 100,000 is not lost to rounding of the ratio. */
    private static double logReturn(double previous, double price) {
        return Math.log1p((price - previous) / previous);
    }

    private static double[] last(double[] values, int n) {
        return Arrays.copyOfRange(values, Math.max(0, values.length - n), values.length);
    }

    /** The mean in exact decimal arithmetic, rounded once. */
    static double mean(double[] values) {
        if (values.length > 0 && Arrays.stream(values).allMatch(v -> v == values[0])) {
            return values[0];
        }
        return values.length == 0 ? 0 : exactMean(values).doubleValue();
    }

    /** The sample standard deviation from decimal arithmetic with 40 digits, rounded once. */
    static double std(double[] values) {
        if (values.length < 2 || Arrays.stream(values).allMatch(v -> v == values[0])) {
            return 0;
        }
        BigDecimal mean = exactMean(values);
        BigDecimal sumSq = BigDecimal.ZERO;
        for (double v : values) {
            BigDecimal d = new BigDecimal(v).subtract(mean);
            sumSq = sumSq.add(d.multiply(d));
        }
        return Math.sqrt(sumSq.divide(BigDecimal.valueOf(values.length - 1), EXACT_ENOUGH).doubleValue());
    }

    private static BigDecimal exactMean(double[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            sum = sum.add(new BigDecimal(v));
        }
        return sum.divide(BigDecimal.valueOf(values.length), EXACT_ENOUGH);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
