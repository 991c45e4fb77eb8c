package com.marketpulse.detection.bar;

import com.marketpulse.detection.backtest.RunCancellations;
import com.marketpulse.detection.kafka.InputPolicy;
import com.marketpulse.detection.kafka.RejectedRecordException;
import com.marketpulse.detection.kafka.ValueChecks;
import com.marketpulse.events.Bar;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores every chart bar in {@code detection.bars}, keyed by symbol, run ({@code ''} for live) and start: a
 * re-emitted or redelivered bar replaces the stored one. Live bars come from {@code market.bars}, the backtest runs'
 * from {@code market.bars.replay} in a consumer group of their own, so a big backtest never delays the live chart; a
 * bar of the other stream on either topic is refused ({@code wrong_stream}). A run's bars stored before it was
 * cancelled stay until it is deleted (its partial report shows the chart it got to, beside its alerts); bars of it
 * arriving after the CANCEL or DELETE are skipped and counted, as its features are, so the chart stops where the
 * judging stopped and a deleted run's bars still in flight are not stored again under a run nobody can read.
 */
@Component
class BarListener {

    private static final String UPSERT = """
            INSERT INTO detection.bars (symbol, start_time, end_time, open, high, low, close, volume, trades, run_id)
            VALUES (:symbol, :start, :end, :open, :high, :low, :close, :volume, :trades, :runId)
            ON CONFLICT (symbol, run_id, start_time) DO UPDATE SET
                end_time = EXCLUDED.end_time, open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,
                close = EXCLUDED.close, volume = EXCLUDED.volume, trades = EXCLUDED.trades
            """;

    private final JdbcClient jdbc;
    private final InputPolicy policy;
    private final RunCancellations cancellations;
    private final Counter skipped;

    BarListener(JdbcClient jdbc, InputPolicy policy, RunCancellations cancellations, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.cancellations = cancellations;
        this.skipped = meters.counter("marketpulse.detection.backtest.bars.skipped");
    }

    @KafkaListener(id = "detection-bars", topics = Topics.MARKET_BARS, groupId = "detection-bars",
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.Bar")
    void on(Bar bar) {
        store(bar, false);
    }

    @KafkaListener(id = "detection-backtest-bars", topics = Topics.MARKET_BARS_REPLAY,
            groupId = "detection-backtest-bars",
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.Bar")
    void onReplay(Bar bar) {
        store(bar, true);
    }

    private void store(Bar bar, boolean replay) {
        if (replay != (bar.runId() != null)) {
            throw new RejectedRecordException("wrong_stream", replay ? "a bar without a run id on the replay topic"
                    : "a backtest bar (run id) on the live topic");
        }
        check(bar);
        if (replay && cancellations.cancelled(bar.runId())) {
            skipped.increment();
            return;
        }
        jdbc.sql(UPSERT)
                .param("symbol", bar.symbol())
                .param("start", bar.start().atOffset(ZoneOffset.UTC))
                .param("end", bar.end().atOffset(ZoneOffset.UTC))
                .param("open", bar.open())
                .param("high", bar.high())
                .param("low", bar.low())
                .param("close", bar.close())
                .param("volume", bar.volume())
                .param("trades", bar.trades())
                .param("runId", bar.runId() == null ? "" : bar.runId())
                .update();
    }

    /** A bar the chart must not show: unwatched live symbol, far future, NaN, negative or inverted values. */
    private void check(Bar bar) {
        ValueChecks.shortText("eventId", bar.eventId());
        ValueChecks.shortText("symbol", bar.symbol());
        ValueChecks.shortText("runId", bar.runId());
        policy.check(bar.symbol(), bar.runId(), bar.start());
        ValueChecks.require(bar.end() != null && bar.end().isAfter(bar.start()), "a bar must end after it starts");
        for (double price : new double[] {bar.open(), bar.high(), bar.low(), bar.close()}) {
            ValueChecks.positive("price", price);
        }
        ValueChecks.require(bar.low() <= Math.min(bar.open(), bar.close())
                && bar.high() >= Math.max(bar.open(), bar.close()), "open or close outside low .. high");
        ValueChecks.nonNegative("volume", bar.volume());
        ValueChecks.nonNegative("trades", bar.trades());
    }
}
