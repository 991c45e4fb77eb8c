package com.marketpulse.feature.math;

import com.marketpulse.events.Tick;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random tick streams that look like trading: a random walk with ties (equal prices and equal times), prices
 * rounded to cents or not, tiny or large moves, occasional jumps, sizes over five orders of magnitude with
 * some zeros, late ticks and redelivered ticks.
 */
final class TickStreams {

    private static final double[] START_PRICES = {0.05, 1.0, 100.0, 3_000.0, 99_999.99, 100_000.0};
    private static final double[] MOVES = {1e-8, 1e-6, 1e-4, 1e-2};
    private static final long[] MEAN_GAPS_NANOS = {1_000_000L, 10_000_000L, 500_000_000L, 5_000_000_000L};

    private TickStreams() {
    }

    static List<Tick> generate(long seed, int length, String symbol, String runId) {
        Random random = new Random(seed);
        double price = START_PRICES[random.nextInt(START_PRICES.length)];
        double move = MOVES[random.nextInt(MOVES.length)];
        boolean cents = price >= 1 && random.nextBoolean();
        long meanGap = MEAN_GAPS_NANOS[random.nextInt(MEAN_GAPS_NANOS.length)];
        Instant time = Instant.parse("2026-11-24T12:00:00Z").plusNanos(random.nextLong(60_000_000_000L));
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            double dice = random.nextDouble();
            if (dice < 0.04 && !ticks.isEmpty()) {
                ticks.add(ticks.get(Math.max(0, ticks.size() - 1 - random.nextInt(10))));
                continue;
            }
            Instant eventTime;
            if (dice < 0.09) {
                eventTime = time.minusNanos(random.nextLong(3_000_000_000L) + 1);
            } else {
                if (random.nextDouble() > 0.1) {
                    time = time.plusNanos((long) (-Math.log(1 - random.nextDouble()) * meanGap));
                }
                eventTime = time;
            }
            if (random.nextDouble() > 0.25) {
                double jump = random.nextDouble() < 0.01 ? 20 : 1;
                price = Math.max(price * (1 + jump * move * random.nextGaussian()), 1e-6);
                if (cents) {
                    price = Math.max(0.01, Math.round(price * 100) / 100.0);
                }
            }
            double size = random.nextDouble() < 0.05 ? 0 : Math.pow(10, -4 + 5 * random.nextDouble());
            ticks.add(new Tick("sim:" + symbol + ":" + i, symbol, eventTime, price, size, Integer.toString(i),
                    null, "simulator", "simulator", runId));
        }
        return ticks;
    }

    static FeatureSettings settings(Random random) {
        if (random.nextInt(4) == 0) {
            return FeatureSettings.defaults();
        }
        int volShort = 2 + random.nextInt(9);
        return new FeatureSettings(2 + random.nextInt(29), volShort, volShort + random.nextInt(71),
                2 + random.nextInt(39), Duration.ofMillis(3_000 + random.nextInt(117_000)),
                Duration.ofMillis(1_000 + random.nextInt(89_000)));
    }
}
