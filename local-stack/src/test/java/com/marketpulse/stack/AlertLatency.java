package com.marketpulse.stack;

import com.marketpulse.events.json.EventJson;
import com.marketpulse.ingestion.alpaca.FakeAlpacaServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Tick → alert latency as a user sees it: a fake Alpaca (the real protocol) streams trades at a steady rate with the
 * wall clock as their exchange time, moving one symbol by ±4 % every few seconds; ingestion receives them over its
 * WebSocket, and a client of the API's SSE stream ({@code /api/alerts/stream}, anonymous: every coin) notes when each
 * alert first arrives. The tick's time is carried by the tick itself: an alert's {@code eventTime} is the exchange
 * time of the tick that opened it, which the fake set to the wall clock as it sent the tick, a moment before
 * ingestion received it; so each figure is an upper bound of receipt → SSE (the same clock, one machine).
 */
final class AlertLatency {

    /**
     * Latencies in milliseconds of the alerts that arrived, how many ticks were sent in the window, and where the
     * time went ({@link HopProbe}).
     */
    record Result(List<Double> millis, long ticksSent, double ticksPerSecond, List<Hop> hops) {
        double percentile(double p) {
            return AlertLatency.percentile(millis, p);
        }
    }

    /** One hop of the alerts' way, over the alerts whose both ends were seen ({@code alerts} of them). */
    record Hop(String hop, int alerts, double p50Millis, double p99Millis, double maxMillis) {
    }

    /** The hops: tick sent → readable in market.crypto → its grid step readable in market.features → alert → SSE. */
    static final List<String> HOPS = List.of("tick sent → readable in market.crypto",
            "→ its grid step readable in market.features (read_committed)", "→ alert readable in market.alerts",
            "→ alert arrived on /api/alerts/stream");

    static double percentile(List<Double> millis, double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = millis.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static final Duration WARM_UP = Duration.ofSeconds(10);

    private final FakeAlpacaServer alpaca;
    private final List<String> symbols;
    /** An alert's first arrival on the stream: its symbol, the event time of the tick that opened it, when it came. */
    private record Arrival(String symbol, Instant opened, Instant arrived) {
    }

    /** By alert id: the first arrival of each. */
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();

    AlertLatency(FakeAlpacaServer alpaca, List<String> symbols) {
        this.alpaca = alpaca;
        this.symbols = symbols;
    }

    /** Sends {@code rate} trades a second for {@code window}, counting alerts opened by ticks of this window only. */
    Result run(int apiPort, int rate, Duration window, Duration moveEvery, HopProbe probe)
            throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Thread client = Thread.ofPlatform().daemon().name("sse-client").start(() -> listen(http, apiPort));
        Thread.sleep(1_000); // the stream's subscription is in place before the first tick
        // alerts opened in the first 10 s are not counted: the services' code paths warm up (JIT) there
        Instant from = Instant.now().plus(WARM_UP);
        double[] prices = new double[symbols.size()];
        java.util.Arrays.fill(prices, 100.0);
        int[] moves = new int[symbols.size()];
        java.util.Random random = new java.util.Random(3);
        long sent = 0;
        long start = System.nanoTime();
        long nextMove = start + moveEvery.toNanos();
        long intervalNanos = 1_000_000_000L / rate;
        long end = start + window.plus(WARM_UP).toNanos();
        long tradeId = 9_000_000_000L;
        while (System.nanoTime() < end) {
            long due = start + sent * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int s = (int) (sent % symbols.size());
            if (System.nanoTime() >= nextMove && s == (int) ((nextMove / moveEvery.toNanos()) % symbols.size())) {
                prices[s] *= moves[s]++ % 2 == 0 ? 1.04 : 1 / 1.04;
                nextMove += moveEvery.toNanos();
            }
            prices[s] *= 1 + random.nextGaussian() * 0.00003;
            alpaca.trade(new FakeAlpacaServer.Trade(symbols.get(s), prices[s], 0.01, Instant.now().toString(),
                    tradeId++));
            sent++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2_000); // the last alerts' way through
        client.interrupt();
        List<Double> latencies = new ArrayList<>();
        List<List<Double>> hops = new ArrayList<>();
        HOPS.forEach(h -> hops.add(new ArrayList<>()));
        arrivals.values().forEach(alert -> {
            if (!alert.opened().isBefore(from)) {
                latencies.add(millis(alert.opened(), alert.arrived()));
                List<Instant> times = new ArrayList<>();
                times.add(alert.opened());
                HopProbe.TOPICS.forEach(topic -> times.add(probe.readable(topic, alert.symbol(), alert.opened())));
                times.add(alert.arrived());
                for (int h = 0; h < HOPS.size(); h++) {
                    if (times.get(h) != null && times.get(h + 1) != null) {
                        hops.get(h).add(millis(times.get(h), times.get(h + 1)));
                    }
                }
            }
        });
        List<Hop> figures = new ArrayList<>();
        for (int h = 0; h < HOPS.size(); h++) {
            List<Double> m = hops.get(h);
            figures.add(new Hop(HOPS.get(h), m.size(), percentile(m, 0.5), percentile(m, 0.99), percentile(m, 1.0)));
        }
        return new Result(Collections.unmodifiableList(latencies), sent, sent / seconds, List.copyOf(figures));
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private void listen(HttpClient http, int apiPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + apiPort + "/api/alerts/stream"))
                .header("Accept", "text/event-stream").build();
        try (Stream<String> lines = http.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            lines.forEach(line -> {
                if (line.startsWith("data:")) {
                    Instant arrived = Instant.now();
                    JsonNode alert = EventJson.mapper().readTree(line.substring(5).strip());
                    String id = alert.path("id").asString();
                    arrivals.putIfAbsent(id, new Arrival(alert.path("symbol").asString(),
                            Instant.parse(alert.path("eventTime").asString()), arrived));
                }
            });
        } catch (IOException | InterruptedException | RuntimeException stopped) {
            // the window is over (interrupted) or the API went away: what arrived is the result
        }
    }
}
