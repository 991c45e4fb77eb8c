package com.marketpulse.files.archive;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveRangeTest {

    /** Two minutes before midnight UTC, so the range crosses a date= directory. */
    static final Instant T0 = Instant.parse("2026-05-04T23:58:00Z");

    @TempDir
    Path root;

    /** Writes one file of one kind, as detection's archiver seals it (partition 0, offsets from {@code offset}). */
    static <E> void write(Path root, EventSchema<E> schema, List<E> events, long offset) throws IOException {
        Path directory = ArchiveLayout.directory(schema.root(root), schema.symbol(events.getFirst()),
                schema.eventTime(events.getFirst()));
        Files.createDirectories(directory);
        EventFile<E> file = new EventFile<>(directory.resolve(String.format("part-p0-%020d-%020d.parquet", offset,
                offset + events.size() - 1)), schema);
        for (int i = 0; i < events.size(); i++) {
            file.write(new Archived<>(events.get(i), 0, offset + i));
        }
        file.close();
    }

    static Tick tick(String symbol, Instant t) {
        return Tick.live("alpaca", "us", symbol, t, 100, 1, symbol + t, "B");
    }

    static Quote quote(String symbol, Instant t) {
        return Quote.live("alpaca", "us", symbol, t, 99, 1, 101, 1);
    }

    static SourceBar bar(String symbol, Instant end) {
        Instant start = end.minusSeconds(60);
        return new SourceBar(SourceBar.idOf("alpaca", "us", symbol, start, null), symbol, start, end, 100, 101, 99,
                100, 5, 3, 100, false, "alpaca", "us", null);
    }

    @Test
    void replaysTradesQuotesAndBarsOfSeveralSymbolsInEventTimeOrderAcrossDaysWithinTheRange() throws Exception {
        // day one and day two of each kind in files of their own (the archive writes by event date)
        for (String symbol : List.of("BTC/USD", "ETH/USD")) {
            write(root, TickSchema.TICKS, List.of(tick(symbol, T0.plusSeconds(10)), tick(symbol, T0.plusSeconds(70))), 0);
            write(root, TickSchema.TICKS, List.of(tick(symbol, T0.plusSeconds(130)), tick(symbol, T0.plusSeconds(200))),
                    10);
            write(root, QuoteSchema.QUOTES, List.of(quote(symbol, T0.plusSeconds(60)), quote(symbol, T0.plusSeconds(5))),
                    0);
            write(root, BarSchema.BARS, List.of(bar(symbol, T0.plusSeconds(60))), 0);
            write(root, BarSchema.BARS, List.of(bar(symbol, T0.plusSeconds(180))), 5);
        }
        write(root, TickSchema.TICKS, List.of(tick("SOL/USD", T0.plusSeconds(30))), 0);

        List<String> seen = new ArrayList<>();
        new ArchiveRange(root, List.of("btc-usd", "ETH/USD"), T0.plusSeconds(5), T0.plusSeconds(200))
                .replay(new ArchiveRange.Visitor() {
                    @Override
                    public void onBar(SourceBar bar) {
                        seen.add(seconds(bar.eventTime()) + " bar " + bar.symbol());
                    }

                    @Override
                    public void onQuote(Quote quote) {
                        seen.add(seconds(quote.eventTime()) + " quote " + quote.symbol());
                    }

                    @Override
                    public void onTick(Tick tick) {
                        seen.add(seconds(tick.eventTime()) + " trade " + tick.symbol());
                    }
                });

        assertThat(seen).containsExactly(
                "5 quote BTC/USD", "5 quote ETH/USD",
                "10 trade BTC/USD", "10 trade ETH/USD",
                "60 bar BTC/USD", "60 bar ETH/USD", "60 quote BTC/USD", "60 quote ETH/USD",
                "70 trade BTC/USD", "70 trade ETH/USD",
                "130 trade BTC/USD", "130 trade ETH/USD",
                "180 bar BTC/USD", "180 bar ETH/USD");
    }

    @Test
    void anEmptyRangeOrNoSymbolIsRefused() {
        assertThatThrownBy(() -> new ArchiveRange(root, List.of("BTC/USD"), T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArchiveRange(root, List.of(), T0, T0.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long seconds(Instant t) {
        return t.getEpochSecond() - T0.getEpochSecond();
    }
}
