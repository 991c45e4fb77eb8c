package com.marketpulse.ingestion.replay;

import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Symbols;
import com.marketpulse.files.CandleFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Replays a 1-minute candle file in file order, each candle at its close: a bar's event time is its open + 1 minute
 * (prices are known only then), and the bars are paced on it as trades are on theirs. Symbols are normalised
 * ({@code btc-usd} → {@code BTC/USD}); a row whose symbol is no pair is a bad row, reported with its line number.
 */
public final class CandleReplayer {

    /** What a candle replay did: bars handed to the sink, bad rows skipped, the first and last close. */
    public record Summary(long bars, long badRows, Instant firstClose, Instant lastClose) {
    }

    private final ReplaySpeed speed;
    private final Pacer pacer;
    private final RowCheck check;

    public CandleReplayer(ReplaySpeed speed, Pacer pacer) {
        this(speed, pacer, RowCheck.none());
    }

    public CandleReplayer(ReplaySpeed speed, Pacer pacer, RowCheck check) {
        this.speed = speed;
        this.pacer = pacer;
        this.check = check;
    }

    public Summary replay(CandleFile file, ReplaySink sink) throws IOException, InterruptedException {
        return replay(file, sink, new AtomicLong());
    }

    /** As {@link #replay(CandleFile, ReplaySink)}, counting the file's bytes read (gzipped or not) into {@code bytes}. */
    public Summary replay(CandleFile file, ReplaySink sink, AtomicLong bytes) throws IOException, InterruptedException {
        Delivery delivery = new Delivery(new ReplayPacing(speed, pacer), sink, check);
        CandleFile.Summary read;
        try (InputStream in = new StopsWhenInterrupted(new CountingInputStream(Files.newInputStream(file.path()),
                bytes))) {
            read = file.read(in, delivery, bad -> sink.onBadRow(bad.line(), bad.reason()));
        } catch (InterruptedIOException e) {
            delivery.interrupted = true;
            read = null;
        }
        if (delivery.interrupted) {
            Thread.interrupted(); // the exception now carries the interrupt, as Thread.sleep's does
            throw new InterruptedException("replay of " + file.path() + " stopped");
        }
        return new Summary(read.bars(), read.badRows(), delivery.first, delivery.last);
    }

    /**
     * Paces each bar and hands it to the sink. {@link CandleFile} reports a row as bad (with its line number) when
     * this throws, so a symbol that is no pair lands there. Once interrupted it passes the rest over.
     */
    private static final class Delivery implements Consumer<SourceBar> {

        private final ReplayPacing pacing;
        private final ReplaySink sink;
        private final RowCheck check;
        /** The start of the newest candle per symbol: a candle not after it is a duplicate or out of order. */
        private final Map<String, Instant> newestStart = new HashMap<>();
        private boolean interrupted;
        private Instant first;
        private Instant last;

        Delivery(ReplayPacing pacing, ReplaySink sink, RowCheck check) {
            this.pacing = pacing;
            this.sink = sink;
            this.check = check;
        }

        @Override
        public void accept(SourceBar bar) {
            if (interrupted) {
                return;
            }
            SourceBar named = withPair(bar);
            Instant newest = newestStart.get(named.symbol());
            if (newest != null && !named.start().isAfter(newest)) {
                throw new IllegalArgumentException("candle of " + named.symbol() + " starting " + named.start()
                        + " is not after the previous one (" + newest + "): a duplicate or out of order");
            }
            check.reject(named.symbol(), named.eventTime()).ifPresent(why -> {
                throw new IllegalArgumentException(why);
            });
            newestStart.put(named.symbol(), named.start());
            try {
                pacing.awaitEvent(named.eventTime());
                sink.onBar(named);
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
                return;
            }
            first = first == null ? named.eventTime() : first;
            last = named.eventTime();
        }
    }

    static SourceBar withPair(SourceBar bar) {
        String pair = Symbols.normalize(bar.symbol());
        if (pair.equals(bar.symbol())) {
            return bar;
        }
        return new SourceBar(SourceBar.idOf(bar.source(), bar.venue(), pair, bar.start(), bar.runId()), pair,
                bar.start(), bar.eventTime(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
                bar.trades(), bar.vwap(), bar.corrected(), bar.source(), bar.venue(), bar.runId());
    }

    /** Ends the read at the next buffer refill once the replaying thread is interrupted. */
    private static final class StopsWhenInterrupted extends FilterInputStream {

        StopsWhenInterrupted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            checkInterrupt();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkInterrupt();
            return super.read(b, off, len);
        }

        private static void checkInterrupt() throws InterruptedIOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted");
            }
        }
    }
}
