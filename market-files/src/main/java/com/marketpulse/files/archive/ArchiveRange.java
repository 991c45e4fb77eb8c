package com.marketpulse.files.archive;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Symbols;
import com.marketpulse.events.Tick;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A range of the archive — some symbols, {@code from <= eventTime < to} — replayed as one stream of trades, quotes and
 * source bars in event-time order, as they happened. It is read one UTC day at a time (the archive's {@code date=}
 * directories), so at most one day of the chosen symbols is in memory, never the whole range. Within one event time
 * bars come before quotes and quotes before trades (a bar closes the minute that the quote and trade at that instant
 * are already part of the next). Each event is its last archived version ({@link ArchiveReader#read}).
 */
public final class ArchiveRange {

    /** Receives the range's events in event-time order. */
    public interface Visitor {

        void onBar(SourceBar bar) throws InterruptedException;

        void onQuote(Quote quote) throws InterruptedException;

        void onTick(Tick tick) throws InterruptedException;
    }

    private final Path root;
    private final List<String> symbols;
    private final Instant from;
    private final Instant to;

    /**
     * @throws IllegalArgumentException when no symbol is named, a symbol is no pair, or the range is empty
     */
    public ArchiveRange(Path root, List<String> symbols, Instant from, Instant to) {
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("an archive range needs at least one symbol");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("an archive range needs from before to, got " + from + " and " + to);
        }
        this.root = root;
        this.symbols = symbols.stream().map(Symbols::normalize).distinct().toList();
        this.from = from;
        this.to = to;
    }

    public List<String> symbols() {
        return symbols;
    }

    /** Hands every event of the range to the visitor, day by day, in event-time order. */
    public void replay(Visitor visitor) throws InterruptedException {
        LocalDate last = ArchiveLayout.date(to.minusNanos(1));
        for (LocalDate day = ArchiveLayout.date(from); !day.isAfter(last); day = day.plusDays(1)) {
            Instant start = max(from, day.atStartOfDay().toInstant(ZoneOffset.UTC));
            Instant end = min(to, day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            for (Timed event : day(start, end)) {
                switch (event.value()) {
                    case SourceBar bar -> visitor.onBar(bar);
                    case Quote quote -> visitor.onQuote(quote);
                    case Tick tick -> visitor.onTick(tick);
                    default -> throw new IllegalStateException("not an archived event: " + event.value());
                }
            }
        }
    }

    private record Timed(Instant time, int kind, Object value) {
    }

    private List<Timed> day(Instant start, Instant end) {
        List<Timed> events = new ArrayList<>();
        for (String symbol : symbols) {
            ArchiveReader.bars(root).read(symbol, start, end).forEach(b -> events.add(new Timed(b.eventTime(), 0, b)));
            ArchiveReader.quotes(root).read(symbol, start, end)
                    .forEach(q -> events.add(new Timed(q.eventTime(), 1, q)));
            ArchiveReader.trades(root).read(symbol, start, end)
                    .forEach(t -> events.add(new Timed(t.eventTime(), 2, t)));
        }
        // stable: one symbol's events of one kind keep the reader's order
        events.sort(Comparator.comparing(Timed::time).thenComparingInt(Timed::kind));
        return events;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
