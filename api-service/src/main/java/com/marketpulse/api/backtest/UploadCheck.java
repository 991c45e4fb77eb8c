package com.marketpulse.api.backtest;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import com.marketpulse.events.Symbols;
import com.marketpulse.files.BadRow;
import com.marketpulse.files.CandleFile;
import com.marketpulse.files.CandleFormat;

/**
 * The cheap checks an uploaded backtest input passes before a run starts: a known format (by its name, magic bytes
 * and first line, the rules ingestion's replay reads by), not empty, and at least one readable row among the first
 * {@value #ROWS_TRIED}. Reads only the head of the file. A Parquet file is checked by its magic bytes only (the API
 * carries no Parquet reader; ingestion reports its bad rows).
 */
final class UploadCheck {

    static final String TRADES_CSV = "trades-csv";
    static final String TRADES_PARQUET = "trades-parquet";
    static final String CANDLES = "candles";
    static final List<String> FORMATS = List.of(TRADES_CSV, TRADES_PARQUET, CANDLES);
    static final int ROWS_TRIED = 1000;
    private static final int KLINE_COLUMNS = 11;
    private static final int TRADE_COLUMNS = 5;
    private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    /** Why a file is refused; {@code badRequest}: the request must change (a field), else the file is unusable. */
    static final class Refused extends RuntimeException {
        private final boolean badRequest;

        Refused(String message, boolean badRequest) {
            super(message, null, false, false);
            this.badRequest = badRequest;
        }

        boolean badRequest() {
            return badRequest;
        }
    }

    /** What the file holds, as the start command names it. */
    record Checked(String format, String symbol, String description) {
    }

    private UploadCheck() {
    }

    /**
     * @param format {@code null} to tell by the file, else one of {@link #FORMATS}
     * @param symbol the pair of a file whose rows name none (Binance klines), may be {@code null}
     */
    static Checked check(Path file, String name, String format, String symbol) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new Refused("The file " + name + " is empty.", false);
        }
        String pair = symbol == null || symbol.isBlank() ? null : pair(symbol);
        if (name.toLowerCase(Locale.ROOT).endsWith(".parquet") || startsWith(file, PARQUET_MAGIC)) {
            if (format != null && !format.equals(TRADES_PARQUET)) {
                throw new Refused("The file " + name + " is Parquet, which is read as trades-parquet, not " + format
                        + ".", false);
            }
            if (size < 12 || !startsWith(file, PARQUET_MAGIC) || !endsWith(file, PARQUET_MAGIC)) {
                throw new Refused("The file " + name + " is named .parquet but is not a Parquet file (no PAR1 "
                        + "magic at its start and end).", false);
            }
            return new Checked(TRADES_PARQUET, null, "trades (Parquet)");
        }
        boolean gzipped = startsWith(file, new byte[] {0x1f, (byte) 0x8b});
        List<String> head = head(file, gzipped);
        if (head.isEmpty()) {
            throw new Refused("The file " + name + " holds no rows" + (gzipped ? " once unzipped." : "."), false);
        }
        String kind = format != null ? format : detect(head.getFirst(), name);
        if (kind.equals(TRADES_PARQUET)) {
            throw new Refused("The file " + name + " is not Parquet: choose trades-csv or candles.", false);
        }
        if (kind.equals(TRADES_CSV)) {
            if (gzipped) {
                throw new Refused("The file " + name + " is a gzipped trades CSV: upload it unzipped (only candle "
                        + "files are read gzipped).", false);
            }
            requireRow(name, head, UploadCheck::trade);
            return new Checked(TRADES_CSV, null, "trades (CSV)");
        }
        CandleFormat layout = CandleFormat.detect(head.getFirst());
        if (layout == CandleFormat.BINANCE_KLINES && pair == null) {
            throw new Refused("The file " + name + " holds Binance klines, which name no symbol: give the field "
                    + "'symbol' (e.g. DOT/USD).", true);
        }
        requireCandle(name, head, pair);
        return layout == CandleFormat.BINANCE_KLINES
                ? new Checked(CANDLES, pair, "Binance klines as " + pair)
                : new Checked(CANDLES, null, "a bars CSV");
    }

    static String pair(String symbol) {
        try {
            return Symbols.normalize(symbol);
        } catch (IllegalArgumentException e) {
            throw new Refused("Field 'symbol' must be a pair such as DOT/USD, got '" + symbol + "'.", true);
        }
    }

    /** The format by the first line, as ingestion's replay tells it. */
    static String detect(String firstLine, String name) {
        List<String> cells = Arrays.stream(firstLine.split(",", -1))
                .map(cell -> cell.replace("\"", "").strip().toLowerCase(Locale.ROOT)).toList();
        String first = cells.getFirst();
        if (!first.isEmpty() && Character.isDigit(first.charAt(0))) {
            if (cells.size() >= KLINE_COLUMNS) {
                return CANDLES;
            }
            if (cells.size() <= TRADE_COLUMNS) {
                return TRADES_CSV;
            }
        } else if (cells.contains("open") && cells.contains("close")) {
            return CANDLES;
        } else if (cells.contains("price")) {
            return TRADES_CSV;
        }
        throw new Refused("Unknown format: the first line of " + name + " is neither a trades CSV "
                + "(timestamp,symbol,price,size[,label]), 1-minute candles (Binance klines or a bars CSV "
                + "timestamp,symbol,open,high,low,close,volume) nor Parquet; set 'format' if it is one of "
                + FORMATS + ".", false);
    }

    private interface RowReader {
        void read(String[] cells);
    }

    private static void requireRow(String name, List<String> head, RowReader reader) {
        String firstProblem = null;
        for (int i = 0; i < head.size(); i++) {
            String line = head.get(i);
            if (i == 0 && isHeader(line)) {
                continue;
            }
            try {
                reader.read(line.split(",", -1));
                return;
            } catch (RuntimeException e) {
                if (firstProblem == null) {
                    firstProblem = "row " + (i + 1) + ": " + e.getMessage();
                }
            }
        }
        throw noRows(name, head, firstProblem);
    }

    private static void requireCandle(String name, List<String> head, String pair) throws IOException {
        List<BadRow> bad = new ArrayList<>();
        byte[] text = String.join("\n", head).getBytes(StandardCharsets.UTF_8);
        long bars = new CandleFile(Path.of("upload"), pair, "replay", null)
                .read(new ByteArrayInputStream(text), bar -> { }, bad::add).bars();
        if (bars == 0) {
            throw noRows(name, head, bad.isEmpty() ? null : "row " + bad.getFirst().line() + ": "
                    + bad.getFirst().reason());
        }
    }

    private static Refused noRows(String name, List<String> head, String firstProblem) {
        return new Refused("The file " + name + " has no readable row" + (head.size() >= ROWS_TRIED
                ? " among its first " + ROWS_TRIED : "") + (firstProblem == null ? "." : " (" + firstProblem + ")."),
                false);
    }

    private static void trade(String[] cells) {
        if (cells.length < 4) {
            throw new IllegalArgumentException("expected timestamp,symbol,price,size, found " + cells.length
                    + " columns");
        }
        String time = cells[0].strip();
        if (time.chars().allMatch(Character::isDigit) && !time.isEmpty()) {
            Long.parseLong(time);
        } else {
            try {
                Instant.parse(time.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("timestamp is neither RFC 3339 nor epoch: '" + time + "'");
            }
        }
        Symbols.normalize(cells[1].strip());
        positive(cells[2], "price");
        if (Double.parseDouble(cells[3].strip()) < 0) {
            throw new IllegalArgumentException("size is negative: '" + cells[3] + "'");
        }
    }

    private static void positive(String cell, String column) {
        double value;
        try {
            value = Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + cell + "'");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(column + " must be a positive number: '" + cell + "'");
        }
    }

    private static boolean isHeader(String line) {
        String first = line.strip();
        return !first.isEmpty() && Character.isLetter(first.charAt(0));
    }

    /** The first {@value #ROWS_TRIED} lines that are neither blank nor {@code #} comments. */
    private static List<String> head(Path file, boolean gzipped) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(
                     gzipped ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            String line;
            while (lines.size() < ROWS_TRIED && (line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            if (lines.isEmpty()) {
                throw new Refused("The file is gzipped but cannot be unzipped: " + e.getMessage() + ".", false);
            }
        }
        return lines;
    }

    private static boolean startsWith(Path file, byte[] magic) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(magic.length), magic);
        }
    }

    private static boolean endsWith(Path file, byte[] magic) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(in.length() - magic.length);
            byte[] tail = new byte[magic.length];
            in.readFully(tail);
            return Arrays.equals(tail, magic);
        }
    }
}
