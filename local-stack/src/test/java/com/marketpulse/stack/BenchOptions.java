package com.marketpulse.stack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code ./bench.sh pipeline}'s options: {@code --ticks N --symbols 3,100 --latency-seconds S --latency-rate R --keep}. */
record BenchOptions(long ticks, List<Integer> symbols, int latencySeconds, int latencyRate, boolean keep) {

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--keep")) {
                given.put("keep", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                given.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i] + "; options: --ticks N "
                        + "--symbols 3,100 --latency-seconds S --latency-rate R --keep");
            }
        }
        return new BenchOptions(Long.parseLong(given.getOrDefault("ticks", "2000000").replace("_", "")),
                java.util.Arrays.stream(given.getOrDefault("symbols", "3").split(",")).map(String::trim)
                        .map(Integer::parseInt).toList(),
                Integer.parseInt(given.getOrDefault("latency-seconds", "60")),
                Integer.parseInt(given.getOrDefault("latency-rate", "1000")),
                given.containsKey("keep"));
    }
}
