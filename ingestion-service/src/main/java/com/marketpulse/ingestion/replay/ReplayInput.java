package com.marketpulse.ingestion.replay;

import com.marketpulse.events.Symbols;
import com.marketpulse.files.CandleFile;
import com.marketpulse.files.CandleFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a replay file holds and how it is read: trades, or candles in one of the {@link CandleFormat} layouts (with
 * the pair a Binance kline file is replayed as, since the file names none).
 *
 * @param layout the candle layout, {@code null} for trades
 * @param symbol the pair of a Binance kline file, {@code null} otherwise (a bars CSV names its own)
 * @param venue  named on every replayed candle: {@code binance} for Binance's klines, else {@code replay}
 */
public record ReplayInput(Path file, ReplayFormat format, CandleFormat layout, String symbol, String venue) {

    /** Binance klines have 12 columns (11 in some old files). */
    static final int KLINE_COLUMNS = 11;
    /** A header-less trades row: {@code timestamp,symbol,price,size[,label]}. */
    static final int TRADE_COLUMNS = 5;

    /**
     * Decides how to read {@code file}. A {@code .parquet} file holds trades. Otherwise {@code setting} decides, or
     * with {@link ReplayFormat#AUTO} the first line: a header naming {@code open} and {@code close} (Binance klines,
     * bars CSV) means candles, one naming {@code price} trades; a header-less first row of at least
     * {@value #KLINE_COLUMNS} columns is a Binance kline, one of at most {@value #TRADE_COLUMNS} a trade; anything
     * else is refused rather than guessed (a header-less bars CSV would otherwise pass for trades).
     *
     * @throws IllegalArgumentException with what to set when the file cannot be replayed as it is configured
     */
    public static ReplayInput of(Path file, ReplayFormat setting, String symbol) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet") || TradeFile.isParquet(file)) {
            if (setting == ReplayFormat.CANDLES) {
                throw new IllegalArgumentException(file.getFileName() + " is Parquet: candles are replayed from CSV"
                        + " files (gzipped or not), Parquet files as trades (MARKETPULSE_REPLAY_FORMAT)");
            }
            return new ReplayInput(file, ReplayFormat.TRADES, null, null, TradeFields.SOURCE);
        }
        FileHead head = FileHead.of(file);
        ReplayFormat format = setting == ReplayFormat.AUTO ? detect(head.firstLine()) : setting;
        if (format == ReplayFormat.TRADES) {
            return new ReplayInput(file, ReplayFormat.TRADES, null, null, TradeFields.SOURCE);
        }
        CandleFormat layout = CandleFormat.detect(head.firstLine() == null ? "" : head.firstLine());
        if (layout == CandleFormat.BARS_CSV) {
            return new ReplayInput(file, ReplayFormat.CANDLES, layout, null, TradeFields.SOURCE);
        }
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException(file.getFileName() + " holds Binance klines, which name no symbol:"
                    + " set MARKETPULSE_REPLAY_SYMBOL to the pair they are replayed as (e.g. DOT/USD)");
        }
        String pair;
        try {
            pair = Symbols.normalize(symbol);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MARKETPULSE_REPLAY_SYMBOL: " + e.getMessage(), e);
        }
        return new ReplayInput(file, ReplayFormat.CANDLES, layout, pair, "binance");
    }

    static ReplayFormat detect(String firstLine) {
        if (firstLine == null) {
            return ReplayFormat.TRADES;
        }
        List<String> cells = Arrays.stream(firstLine.split(",", -1))
                .map(cell -> cell.replace("\"", "").strip().toLowerCase(Locale.ROOT)).toList();
        String first = cells.getFirst();
        if (!first.isEmpty() && Character.isDigit(first.charAt(0))) {
            if (cells.size() >= KLINE_COLUMNS) {
                return ReplayFormat.CANDLES;
            }
            if (cells.size() <= TRADE_COLUMNS) {
                return ReplayFormat.TRADES;
            }
            throw new IllegalArgumentException("a first row of " + cells.size() + " columns without a header is"
                    + " neither a trade (timestamp,symbol,price,size[,label]) nor a Binance kline: give the file its"
                    + " header (a bars CSV needs one) or set MARKETPULSE_REPLAY_FORMAT to trades or candles");
        }
        if (cells.contains("open") && cells.contains("close")) {
            return ReplayFormat.CANDLES;
        }
        if (cells.contains("price")) {
            return ReplayFormat.TRADES;
        }
        throw new IllegalArgumentException("cannot tell trades from candles by the first line '" + firstLine
                + "': set MARKETPULSE_REPLAY_FORMAT to trades or candles");
    }

    /** The candle file to replay, every bar carrying {@code runId} ({@code null} for live). */
    public CandleFile candles(String runId) {
        return new CandleFile(file, symbol, venue, runId);
    }

    /** E.g. "Binance klines as DOT/USD", "a bars CSV", "trades". */
    public String describe() {
        if (format == ReplayFormat.TRADES) {
            return "trades";
        }
        return layout == CandleFormat.BINANCE_KLINES ? "Binance klines as " + symbol : "a bars CSV";
    }
}
