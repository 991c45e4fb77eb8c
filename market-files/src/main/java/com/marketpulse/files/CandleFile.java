package com.marketpulse.files;

import com.marketpulse.events.SourceBar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams a 1-minute candle file, gzipped or not (told by its magic bytes, not its name), row by row into
 * {@link SourceBar}s: never the whole file in memory. Each bar's event time is its open time + 1 minute, when its
 * prices are known. A header row is skipped; a malformed row is handed to the bad-row consumer with its line
 * number and the rest goes on.
 *
 * @param symbol the pair the file holds, for layouts that do not name it ({@link CandleFormat#BINANCE_KLINES});
 *               ignored for a bars CSV, whose rows name their symbol
 * @param venue  named on every bar (e.g. {@code binance} for Binance's files)
 * @param runId  the backtest run, {@code null} for none
 */
public record CandleFile(Path path, String symbol, String venue, String runId) {

    /** What a read found. */
    public record Summary(long bars, long badRows) {
    }

    public Summary read(Consumer<SourceBar> bars, Consumer<BadRow> badRows) {
        try (InputStream raw = Files.newInputStream(path)) {
            return read(raw, bars, badRows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read candle file " + path, e);
        }
    }

    /** Reads from a stream (gzipped or not); the caller closes it. */
    public Summary read(InputStream input, Consumer<SourceBar> bars, Consumer<BadRow> badRows) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(ungzipped(input), StandardCharsets.UTF_8),
                1 << 16);
        String line = reader.readLine();
        if (line == null) {
            return new Summary(0, 0);
        }
        CandleFormat format = CandleFormat.detect(line);
        long lineNumber = 1;
        long good = 0;
        long bad = 0;
        if (isHeader(line)) {
            line = reader.readLine();
            lineNumber++;
        }
        for (; line != null; line = reader.readLine(), lineNumber++) {
            if (line.isBlank()) {
                continue;
            }
            try {
                bars.accept(parse(format, line.split(",", -1)));
                good++;
            } catch (RuntimeException e) {
                bad++;
                badRows.accept(new BadRow(lineNumber, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        return new Summary(good, bad);
    }

    private SourceBar parse(CandleFormat format, String[] cells) {
        return switch (format) {
            case BINANCE_KLINES -> CandleRow.binance(cells, requireSymbol(), venue, runId);
            case BARS_CSV -> CandleRow.bars(cells, venue, runId);
        };
    }

    private String requireSymbol() {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("a Binance kline file names no symbol: give one (e.g. DOT/USD)");
        }
        return symbol;
    }

    /** A header starts with a letter where a data row starts with a digit. */
    private static boolean isHeader(String line) {
        String first = line.strip();
        return !first.isEmpty() && Character.isLetter(first.charAt(0));
    }

    private static InputStream ungzipped(InputStream input) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(input, 2);
        int b1 = pushback.read();
        int b2 = pushback.read();
        if (b2 >= 0) {
            pushback.unread(b2);
        }
        if (b1 >= 0) {
            pushback.unread(b1);
        }
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        return gzip ? new GZIPInputStream(pushback, 1 << 16) : pushback;
    }
}
