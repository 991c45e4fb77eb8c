package com.marketpulse.api.market;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.marketpulse.api.contract.BarDto;
import com.marketpulse.api.contract.SymbolQuote;

/** Reads live bars ({@code run_id = ''}) from {@code detection.bars} (written by detection-service). */
@Repository
public class BarRepository {

    private final JdbcClient jdbc;

    BarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest live bar's close and end time. */
    Optional<SymbolQuote> latest(String symbol) {
        return jdbc.sql("SELECT close, end_time FROM detection.bars WHERE symbol = :symbol AND run_id = '' "
                        + "ORDER BY start_time DESC LIMIT 1")
                .param("symbol", symbol)
                .query((rs, n) -> new SymbolQuote(symbol, com.marketpulse.events.Symbols.toPath(symbol),
                        rs.getDouble("close"), instant(rs, "end_time")))
                .optional();
    }

    /** Start time of the latest live bar per symbol, for the status page. */
    public Optional<Instant> latestBarEnd(String symbol) {
        return latest(symbol).map(SymbolQuote::lastTime);
    }

    /** Bars with start in [from, to), aggregated to the interval, oldest first. */
    List<BarDto> bars(String symbol, BarInterval interval, Instant from, Instant to) {
        if (interval == BarInterval.M1) {
            return jdbc.sql("SELECT start_time, end_time, open, high, low, close, volume, trades FROM detection.bars "
                            + "WHERE symbol = :symbol AND run_id = '' AND start_time >= :from AND start_time < :to "
                            + "ORDER BY start_time")
                    .param("symbol", symbol).param("from", utc(from)).param("to", utc(to))
                    .query(BarRepository::bar)
                    .list();
        }
        return jdbc.sql("""
                        SELECT bucket AS start_time, bucket + CAST(:step AS INTERVAL) AS end_time,
                               (array_agg(open ORDER BY start_time))[1] AS open, max(high) AS high, min(low) AS low,
                               (array_agg(close ORDER BY start_time DESC))[1] AS close,
                               sum(volume) AS volume, sum(trades) AS trades
                        FROM (SELECT date_bin(CAST(:step AS INTERVAL), start_time, TIMESTAMPTZ '2000-01-01 00:00:00Z')
                                         AS bucket, *
                              FROM detection.bars
                              WHERE symbol = :symbol AND run_id = '' AND start_time >= :from AND start_time < :to) b
                        GROUP BY bucket ORDER BY bucket""")
                .param("step", interval.length().toSeconds() + " seconds")
                .param("symbol", symbol).param("from", utc(from)).param("to", utc(to))
                .query(BarRepository::bar)
                .list();
    }

    private static BarDto bar(ResultSet rs, int rowNum) throws SQLException {
        return new BarDto(instant(rs, "start_time"), instant(rs, "end_time"), rs.getDouble("open"),
                rs.getDouble("high"), rs.getDouble("low"), rs.getDouble("close"), rs.getDouble("volume"),
                rs.getLong("trades"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
