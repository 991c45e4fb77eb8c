package com.marketpulse.simulator;

import com.marketpulse.events.Tick;

import java.util.List;

/** Plain sample statistics over tick streams, spelled out so the tests check the market rather than a library. */
final class Stats {

    private Stats() {
    }

    static double[] logReturns(List<Tick> ticks) {
        double[] returns = new double[ticks.size() - 1];
        for (int i = 1; i < ticks.size(); i++) {
            returns[i - 1] = Math.log(ticks.get(i).price() / ticks.get(i - 1).price());
        }
        return returns;
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    static double centralMoment(double[] x, int order) {
        double mean = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += Math.pow(v - mean, order);
        }
        return sum / x.length;
    }

    static double std(double[] x) {
        return Math.sqrt(centralMoment(x, 2));
    }

    /** Kurtosis (not excess): 3 for a normal distribution. */
    static double kurtosis(double[] x) {
        double variance = centralMoment(x, 2);
        return centralMoment(x, 4) / (variance * variance);
    }

    static double autocorrelation(double[] x, int lag) {
        double mean = mean(x);
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean;
            denominator += d * d;
            if (i + lag < x.length) {
                numerator += d * (x[i + lag] - mean);
            }
        }
        return numerator / denominator;
    }

    static double[] squared(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * x[i];
        }
        return out;
    }
}
