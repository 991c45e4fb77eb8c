package com.marketpulse.detection.model;

import com.marketpulse.events.FeatureVector;
import com.marketpulse.events.Tick;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Recomputes the feature vectors of one symbol's archived ticks, in event-time order, for training. The
 * definitions are feature-service's (see {@code FeatureVector}): baselines exclude the tick they judge (price
 * mean/std over the previous {@code priceWindow} prices, return median/MAD over the previous {@code robustWindow}
 * returns, log-size mean/std over the previous {@code robustWindow} sizes, sample standard deviations); VWAP and
 * realized volatilities include it. Plain and naive (each window is re-scanned per tick): training runs once in a
 * while over a bounded number of ticks, and clarity beats speed here. Time-window features (volume, trade rate)
 * are not part of the model's feature space and are left at 0.
 */
final class FeatureReplay {

    private static final double MAD_TO_SIGMA = 1.4826;

    private final int priceWindow;
    private final int volShortWindow;
    private final int volLongWindow;
    private final int robustWindow;
    private final Deque<double[]> trades = new ArrayDeque<>();
    private final Deque<Double> returns = new ArrayDeque<>();
    private final Deque<Double> logSizes = new ArrayDeque<>();
    private double lastPrice = Double.NaN;
    private int samples;

    FeatureReplay(int priceWindow, int volShortWindow, int volLongWindow, int robustWindow) {
        this.priceWindow = priceWindow;
        this.volShortWindow = volShortWindow;
        this.volLongWindow = volLongWindow;
        this.robustWindow = robustWindow;
    }

    FeatureVector next(Tick tick) {
        double price = tick.price();
        double size = tick.size();
        double[] prices = trades.stream().mapToDouble(t -> t[0]).toArray();
        double priceMean = mean(prices);
        double priceStd = std(prices);
        boolean hasLast = !Double.isNaN(lastPrice);
        double logReturn = hasLast ? Math.log(price / lastPrice) : 0;
        double returnZ = hasLast ? robustZ(logReturn) : 0;
        double[] sizes = logSizes.stream().mapToDouble(Double::doubleValue).toArray();
        double volumeZ = size > 0 ? z(Math.log(size), mean(sizes), std(sizes)) : 0;

        push(trades, new double[] {price, size}, priceWindow);
        if (hasLast) {
            push(returns, logReturn, Math.max(volLongWindow, Math.max(volShortWindow, robustWindow)));
        }
        if (size > 0) {
            push(logSizes, Math.log(size), robustWindow);
        }
        lastPrice = price;
        samples++;

        double volShort = std(newest(returns, volShortWindow));
        double volLong = std(newest(returns, volLongWindow));
        double vwap = vwap();
        return new FeatureVector(tick.eventId(), tick.symbol(), tick.eventTime(), price, size, samples, priceMean,
                priceStd, z(price, priceMean, priceStd), logReturn, returnZ, vwap, (price - vwap) / vwap, volShort,
                volLong, volLong > 0 ? volShort / volLong : 1.0, 0, volumeZ, 0, null);
    }

    private double robustZ(double logReturn) {
        double[] window = newest(returns, robustWindow);
        if (window.length == 0) {
            return 0;
        }
        double median = median(window);
        double[] deviations = Arrays.stream(window).map(r -> Math.abs(r - median)).toArray();
        double scale = MAD_TO_SIGMA * median(deviations);
        if (!(scale > 0)) {
            scale = std(newest(returns, volLongWindow));
        }
        return z(logReturn, median, scale);
    }

    private double vwap() {
        double weighted = 0;
        double volume = 0;
        for (double[] t : trades) {
            weighted += t[0] * t[1];
            volume += t[1];
        }
        return volume > 0 ? weighted / volume : mean(trades.stream().mapToDouble(t -> t[0]).toArray());
    }

    private static <T> void push(Deque<T> window, T value, int capacity) {
        window.addLast(value);
        while (window.size() > capacity) {
            window.removeFirst();
        }
    }

    private static double[] newest(Deque<Double> values, int count) {
        double[] all = values.stream().mapToDouble(Double::doubleValue).toArray();
        return Arrays.copyOfRange(all, Math.max(0, all.length - count), all.length);
    }

    private static double z(double x, double center, double scale) {
        return scale > 0 ? (x - center) / scale : 0;
    }

    private static double mean(double[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).average().orElse(0);
    }

    /** Sample standard deviation; 0 below two values. */
    private static double std(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
