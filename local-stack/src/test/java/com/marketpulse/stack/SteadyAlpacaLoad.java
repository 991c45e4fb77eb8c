package com.marketpulse.stack;

import com.marketpulse.ingestion.alpaca.FakeAlpacaServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A steady live market on the fake Alpaca, at the wall clock: every 100 ms a quote of each symbol and two trades of
 * each every 2.5 s (a small random walk), whether or not ingestion is connected to see them (the exchange does not wait: a trade
 * made while nobody listens is in the REST history only). It remembers every trade it made, by execution time, so a
 * test knows exactly what the source offered in any window.
 */
final class SteadyAlpacaLoad implements AutoCloseable {

    private final FakeAlpacaServer alpaca;
    private final Map<String, Double> prices;
    private final Random random = new Random(13);
    private final ConcurrentSkipListMap<Instant, FakeAlpacaServer.Trade> trades = new ConcurrentSkipListMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("steady-alpaca-load").daemon().factory());
    private long nextTradeId = 7_000_000_000L;
    private long ticks;

    SteadyAlpacaLoad(FakeAlpacaServer alpaca, Map<String, Double> startPrices) {
        this.alpaca = alpaca;
        this.prices = new java.util.HashMap<>(startPrices);
    }

    SteadyAlpacaLoad start() {
        clock.scheduleAtFixedRate(this::step, 0, 100, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The trades made with {@code from <= time < to}. */
    List<FakeAlpacaServer.Trade> tradesBetween(Instant from, Instant to) {
        return List.copyOf(trades.subMap(from, to).values());
    }

    int tradeCount() {
        return trades.size();
    }

    private void step() {
        ticks++;
        Instant now = Instant.now();
        prices.replaceAll((symbol, price) -> price * (1 + random.nextGaussian() * 0.0002));
        prices.forEach((symbol, price) -> {
            double spread = price * 0.0004;
            alpaca.quote(new FakeAlpacaServer.Quote(symbol, price - spread / 2, 0.5, price + spread / 2, 0.5,
                    now.toString()));
            if (ticks % 25 == 0 || ticks % 25 == 12) {
                Instant time = uniqueTime(now);
                var trade = new FakeAlpacaServer.Trade(symbol, price, 0.01 + random.nextDouble() * 0.05, time.toString(),
                        nextTradeId++);
                trades.put(time, trade);
                alpaca.trade(trade);
            }
        });
    }

    /** Two trades at the same instant would collide in the map; the exchange's clock has microseconds to spare. */
    private Instant uniqueTime(Instant now) {
        Instant time = now;
        while (trades.containsKey(time)) {
            time = time.plusNanos(1_000);
        }
        return time;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
