package com.marketpulse.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * api-service's request to start or cancel one backtest run, on {@link Topics#BACKTEST_COMMANDS} keyed by run id.
 * ingestion-service replays the input of a {@code START} under the run id onto the {@code *.replay} topics;
 * detection-service judges that run with the live detector settings changed by {@code overrides}.
 *
 * @param runId       the run (a UUID), carried by every event of the run
 * @param owner       the account that started it (only it may see the run)
 * @param action      start or cancel
 * @param input       what to replay ({@code null} for a cancel or a delete)
 * @param overrides   detector settings that differ from the live ones for this run ({@code null}: none)
 * @param requestedAt when the request was made
 */
public record BacktestCommand(String runId, String owner, Action action, Input input, Overrides overrides,
                              Instant requestedAt) {

    public enum Action {
        START,
        /** Stop the run; what it produced so far stays. */
        CANCEL,
        /** Stop the run and delete what it produced (alerts, bars, labels): its owner deleted it, or it expired. */
        DELETE
    }

    public enum Source {
        /** A file uploaded to api-service, in the shared upload directory ({@code marketpulse.backtest.*}). */
        UPLOAD,
        /** A range of the product's own Parquet archive (trades, quotes and source bars). */
        ARCHIVE
    }

    /**
     * What a run replays.
     *
     * @param source  an uploaded file or an archive range
     * @param file    UPLOAD: the file's name relative to the upload directory
     * @param format  UPLOAD: {@code trades-csv}, {@code trades-parquet} or {@code candles} (gzipped or not);
     *                {@code null} to tell by the file's name and first line
     * @param symbol  UPLOAD: the symbol of a single-symbol file (a candle file has none in its rows)
     * @param symbols ARCHIVE: the symbols to replay
     * @param from    ARCHIVE: the first event time (inclusive)
     * @param to      ARCHIVE: the end (exclusive)
     */
    public record Input(Source source, String file, String format, String symbol, List<String> symbols,
                        Instant from, Instant to) {

        public Input {
            symbols = symbols == null ? List.of() : List.copyOf(symbols);
        }

        public static Input upload(String file, String format, String symbol) {
            return new Input(Source.UPLOAD, file, format, symbol, List.of(), null, null);
        }

        public static Input archive(List<String> symbols, Instant from, Instant to) {
            return new Input(Source.ARCHIVE, null, null, null, symbols, from, to);
        }
    }

    /**
     * Detector settings for one run; each {@code null} keeps the live value. The minimums (fractions: 0.05 = 5 %)
     * replace the live minimum of every symbol.
     */
    public record Overrides(Double moveSigmas, Double volumeMultiple, Double volatilityMultiple, Duration cooldown,
                            Double minMove1m, Double minMove5m, Double minMove15m, Double minNotional5m,
                            Double minVolatility10m) {

        public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null);
    }

    public static BacktestCommand start(String runId, String owner, Input input, Overrides overrides,
                                        Instant requestedAt) {
        return new BacktestCommand(runId, owner, Action.START, input, overrides, requestedAt);
    }

    public static BacktestCommand cancel(String runId, String owner, Instant requestedAt) {
        return new BacktestCommand(runId, owner, Action.CANCEL, null, null, requestedAt);
    }

    public static BacktestCommand delete(String runId, String owner, Instant requestedAt) {
        return new BacktestCommand(runId, owner, Action.DELETE, null, null, requestedAt);
    }
}
