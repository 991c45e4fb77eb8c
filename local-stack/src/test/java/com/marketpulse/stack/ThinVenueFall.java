package com.marketpulse.stack;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.ingestion.alpaca.FakeAlpacaServer;
import com.marketpulse.settings.Settings;
import com.marketpulse.simulator.EventStyle;
import com.marketpulse.simulator.MarketEvent;
import com.marketpulse.simulator.MarketSimulator;
import com.marketpulse.simulator.MarketSink;
import com.marketpulse.simulator.Profile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The acceptance market as Alpaca would serve it, placed just before the wall clock: the thin-venue
 * simulator (quotes every 1-2 s, ~150 trades a day, a bar every minute) runs from 26 hours ago; its minute bars
 * up to {@link #calmFrom()} are Alpaca's REST history (what ingestion seeds from), and everything from there on is
 * the stream: a calm hour of quotes, bars and trades, then −6 % in 4 minutes from {@link #fall()} with no trade
 * during the fall (the simulator's trades in that window are dropped), then a minute more.
 *
 * @param restBars     the REST minute bars (start before {@code calmFrom})
 * @param trades       every trade the venue executed (REST trades; those from {@code calmFrom} on are also streamed)
 * @param streamFrames the stream's data in event-time order, batched in JSON arrays as Alpaca batches them
 * @param dropped      the simulator's trades left out because they fell during the fall
 */
record ThinVenueFall(String symbol, Instant calmFrom, Instant fall, Instant end, List<FakeAlpacaServer.Bar> restBars,
                     List<FakeAlpacaServer.Trade> trades, List<String> streamFrames, int streamedTrades, int dropped) {

    static final Duration FALL_LENGTH = Duration.ofMinutes(4);
    private static final int POINTS_PER_FRAME = 50;

    /**
     * @param now           the wall clock; every event time lies before it
     * @param fallSecond    the second of its minute the fall starts at (0-59)
     * @param simulatorSeed the simulated market
     */
    static ThinVenueFall before(Instant now, String symbol, int fallSecond, long simulatorSeed) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant calmFrom = minute.minus(Duration.ofMinutes(66));
        Instant fall = calmFrom.plus(Duration.ofHours(1)).plusSeconds(fallSecond);
        Instant end = fall.plus(FALL_LENGTH).plus(Duration.ofMinutes(1));
        var simulator = new MarketSimulator(Settings.defaults().simulator().withProfile(Profile.THIN, EventStyle.MARKET)
                .withoutAnomalies().withSeed(simulatorSeed),
                List.of(symbol), minute.minus(Duration.ofHours(26)));
        simulator.schedule(MarketEvent.priceMove(symbol, fall, -6.0, FALL_LENGTH));
        Recorder recorder = new Recorder(calmFrom, fall, fall.plus(FALL_LENGTH));
        simulator.advanceTo(end, recorder);
        recorder.flush();
        return new ThinVenueFall(symbol, calmFrom, fall, end, List.copyOf(recorder.restBars),
                List.copyOf(recorder.trades), List.copyOf(recorder.frames), recorder.streamedTrades, recorder.dropped);
    }

    /** Splits the simulated market into REST history and stream frames. */
    private static final class Recorder implements MarketSink {

        private final Instant calmFrom;
        private final Instant fall;
        private final Instant fallEnd;
        private final List<FakeAlpacaServer.Bar> restBars = new ArrayList<>();
        private final List<FakeAlpacaServer.Trade> trades = new ArrayList<>();
        private final List<String> frames = new ArrayList<>();
        private final List<Map<String, Object>> pending = new ArrayList<>();
        private long tradeId = 3_447_222_699_101_865_076L;
        private int streamedTrades;
        private int dropped;

        Recorder(Instant calmFrom, Instant fall, Instant fallEnd) {
            this.calmFrom = calmFrom;
            this.fall = fall;
            this.fallEnd = fallEnd;
        }

        @Override
        public void onTick(Tick tick) {
            Instant time = tick.eventTime();
            if (!time.isBefore(fall) && time.isBefore(fallEnd)) {
                dropped++;
                return;
            }
            var trade = new FakeAlpacaServer.Trade(tick.symbol(), tick.price(), tick.size(), time.toString(), tradeId++);
            trades.add(trade);
            if (!time.isBefore(calmFrom)) {
                streamedTrades++;
                stream(trade.stream());
            }
        }

        @Override
        public void onQuote(Quote quote) {
            if (!quote.eventTime().isBefore(calmFrom)) {
                stream(new FakeAlpacaServer.Quote(quote.symbol(), quote.bidPrice(), quote.bidSize(), quote.askPrice(),
                        quote.askSize(), quote.eventTime().toString()).stream());
            }
        }

        @Override
        public void onBar(SourceBar bar) {
            var alpacaBar = new FakeAlpacaServer.Bar(bar.symbol(), bar.start().toString(), bar.open(), bar.high(),
                    bar.low(), bar.close(), bar.volume(), bar.trades(), bar.vwap());
            if (bar.start().isBefore(calmFrom)) {
                restBars.add(alpacaBar);
            } else {
                stream(alpacaBar.stream("b"));
            }
        }

        @Override
        public void onLabel(AnomalyLabel label) {
        }

        private void stream(Map<String, Object> point) {
            pending.add(point);
            if (pending.size() == POINTS_PER_FRAME) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                frames.add(FakeAlpacaServer.frame(List.copyOf(pending)));
                pending.clear();
            }
        }
    }
}
