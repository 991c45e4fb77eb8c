package com.marketpulse.stack;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's replay input: a trades CSV ({@code timestamp,symbol,price,size}, epoch millis) of {@code ticks}
 * trades over {@code symbols} symbols, round robin, spread evenly over {@link #SPAN} of event time ending just before
 * now (so the live topics accept them and detection's 3 h warm-up is behind them by the end). Each symbol's price is
 * a quiet random walk; in the last hour every symbol jumps 5 % up, 20 minutes later 5 % back down, so alerts are
 * written while the file is replayed.
 */
final class TickFile {

    static final Duration SPAN = Duration.ofHours(4);
    private static final double STEP_SIGMA = 0.00003;

    private TickFile() {
    }

    /** The symbols of a run: the shipped three, or {@code B000/USD}... for a wider market. */
    static List<String> symbols(int count) {
        if (count == 3) {
            return List.of("BTC/USD", "ETH/USD", "SOL/USD");
        }
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            symbols.add("B%03d/USD".formatted(i));
        }
        return symbols;
    }

    /** Writes the file; returns the event time of its last trade. */
    static Instant write(Path file, long ticks, List<String> symbols, Instant end) throws IOException {
        Random random = new Random(7);
        double[] prices = new double[symbols.size()];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = 50 + 1000 * random.nextDouble();
        }
        long endMillis = end.toEpochMilli();
        long startMillis = endMillis - SPAN.toMillis();
        double every = (double) SPAN.toMillis() / ticks;
        long jumpUp = startMillis + Duration.ofMinutes(195).toMillis();
        long jumpDown = startMillis + Duration.ofMinutes(215).toMillis();
        boolean[] up = new boolean[symbols.size()];
        boolean[] down = new boolean[symbols.size()];
        long last = startMillis;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("timestamp,symbol,price,size\n");
            StringBuilder line = new StringBuilder(64);
            for (long n = 0; n < ticks; n++) {
                int s = (int) (n % symbols.size());
                long time = startMillis + (long) (n * every);
                prices[s] *= 1 + random.nextGaussian() * STEP_SIGMA;
                if (!up[s] && time >= jumpUp) {
                    prices[s] *= 1.05;
                    up[s] = true;
                } else if (!down[s] && time >= jumpDown) {
                    prices[s] /= 1.05;
                    down[s] = true;
                }
                line.setLength(0);
                line.append(time).append(',').append(symbols.get(s)).append(',')
                        .append("%.4f".formatted(prices[s])).append(',')
                        .append("%.5f".formatted(0.001 + random.nextDouble() * 0.05)).append('\n');
                out.append(line);
                last = time;
            }
        }
        return Instant.ofEpochMilli(last);
    }
}
