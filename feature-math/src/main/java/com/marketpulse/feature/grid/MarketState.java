package com.marketpulse.feature.grid;

import com.marketpulse.events.Bar;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.feature.math.EventTime;
import com.marketpulse.feature.math.RecentIds;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything feature-service remembers about one symbol (of the live stream or of one backtest run), fed by
 * trades, quotes and source bars in event time, and the {@link MarketFeatures} of each grid step. O(1) work per
 * event and a fixed-size state (about 5 KB), whatever the venue's rate.
 *
 * <p>The grid price is the last quote mid while quotes are fresh, else the last trade or bar close (a bar's close
 * is placed just before its end: the last price of its minute). Returns over 1, 5 and 15 minutes compare it
 * with the grid 10-second slots that long ago ({@link PriceSlots}). Once a minute, when a minute is final
 * (two minutes on, so its source bar has arrived), its notional and realized variance feed the usual levels of
 * its hour of the day ({@link Seasonal}) and each horizon's move feeds the usual size of that horizon's moves.
 * Minutes without any input (a data gap) teach nothing: silence is not a calm market.
 *
 * <p>Order and duplicates: a trade whose id was seen among the last 64 is a duplicate and changes nothing. An input
 * older than the newest price does not move the price; its trade value or bar still counts towards its minute
 * while that minute is held (a correction replaces the bar it corrects), and an older bar still teaches the usual
 * levels of its hour (history met late, behind the live price).
 */
public final class MarketState {

    private static final byte FORMAT = 1;
    /** mean |x| = σ·√(2/π) for a normal x. */
    private static final double ABS_TO_SIGMA = Math.sqrt(Math.PI / 2);
    private static final long[] HORIZON_NANOS = {60_000_000_000L, 300_000_000_000L, 900_000_000_000L};
    /** A surge raises the usual notional by at most 5× per sample; variance by at most 10×. */
    private static final double NOTIONAL_CLIP = Math.log(5);
    private static final double VARIANCE_CLIP = Math.log(10);
    /** A move teaches the usual move size at most 4× its current level. */
    private static final double MOVE_CLIP = 4;
    /** Floor of a minute's variance on the log scale: (0.1 bp)², so a minute without price change is finite. */
    private static final double VARIANCE_FLOOR = 1e-10;

    private final GridSettings settings;
    private long lastPriceNanos = Long.MIN_VALUE;
    private long lastQuoteNanos = Long.MIN_VALUE;
    private long lastTradeNanos = Long.MIN_VALUE;
    private long lastEmittedStep = Long.MIN_VALUE;
    private double spread;
    private long duplicates;
    private long late;
    private long lateBars;
    private PriceSlots prices = PriceSlots.fresh();
    private MinuteSlots minutes = MinuteSlots.fresh();
    private ChartMinute chart = new ChartMinute();
    private Seasonal notional = Seasonal.fresh();
    private Seasonal variance = Seasonal.fresh();
    private Ew[] usualMoves = {new Ew(), new Ew(), new Ew()};
    private RecentIds recentTrades = new RecentIds();

    private MarketState(GridSettings settings) {
        this.settings = settings;
    }

    public static MarketState fresh(GridSettings settings) {
        return new MarketState(settings);
    }

    public long duplicates() {
        return duplicates;
    }

    public long late() {
        return late;
    }

    /** Bars that came after newer data and were learned from as history only. */
    public long lateBars() {
        return lateBars;
    }

    /** Minutes of history behind the usual levels. */
    public long historyMinutes() {
        return variance.samples();
    }

    public GridStep onTrade(Tick tick) {
        if (recentTrades.contains(tick.eventId())) {
            duplicates++;
            return GridStep.NOTHING;
        }
        recentTrades.add(tick.eventId());
        long nanos = EventTime.toNanos(tick.eventTime());
        List<Bar> bars = new ArrayList<>(1);
        advance(nanos, tick.symbol(), tick.runId(), bars);
        minutes.addTrade(MinuteSlots.minuteOf(nanos), tick.price() * tick.size());
        lastTradeNanos = Math.max(lastTradeNanos, nanos);
        boolean inOpenMinute = chart.minute() == MinuteSlots.minuteOf(nanos);
        if (inOpenMinute) {
            chart.trade(tick.size());
        }
        if (!quotesFresh(nanos) && !observe(nanos, tick.price())) {
            late++;
            return new GridStep(null, bars);
        }
        return step(nanos, tick.eventTime(), tick.symbol(), tick.runId(), bars);
    }

    public GridStep onQuote(Quote quote) {
        long nanos = EventTime.toNanos(quote.eventTime());
        if (nanos < lastPriceNanos) {
            late++;
            return GridStep.NOTHING;
        }
        List<Bar> bars = new ArrayList<>(1);
        advance(nanos, quote.symbol(), quote.runId(), bars);
        lastQuoteNanos = nanos;
        spread = quote.spread();
        observe(nanos, quote.mid());
        return step(nanos, quote.eventTime(), quote.symbol(), quote.runId(), bars);
    }

    public GridStep onBar(SourceBar bar) {
        long end = EventTime.toNanos(bar.eventTime());
        List<Bar> bars = new ArrayList<>(2);
        advance(end, bar.symbol(), bar.runId(), bars);
        long minute = MinuteSlots.minuteOf(EventTime.toNanos(bar.start()));
        double range = Math.log(bar.high() / bar.low());
        double barVariance = range * range / (4 * Math.log(2));
        if (minutes.holds(minute)) {
            minutes.setBar(minute, bar.notional(), barVariance);
        } else if (minute < minutes.head()) {
            learnLate(minute, bar, barVariance);
        }
        bars.add(new Bar(Bar.idOf(bar.symbol(), bar.start(), bar.runId()), bar.symbol(), bar.start(),
                bar.eventTime(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(), bar.trades(),
                bar.runId()));
        boolean newer = !quotesFresh(end) && end - 1 >= lastPriceNanos && observe(end - 1, bar.close());
        // A correction changes a minute already judged: the next step carries it, the chart bar is replaced now.
        return newer ? step(end, bar.eventTime(), bar.symbol(), bar.runId(), bars) : new GridStep(null, bars);
    }

    /** Whether a quote recent enough to set the price at {@code nanos} has been seen. */
    private boolean quotesFresh(long nanos) {
        return lastQuoteNanos != Long.MIN_VALUE && nanos - lastQuoteNanos <= settings.quoteStaleAfter().toNanos();
    }


    /** Moves the minute clock to {@code nanos}: completes the chart bar, learns from minutes now final. */
    private void advance(long nanos, String symbol, String runId, List<Bar> bars) {
        long minute = MinuteSlots.minuteOf(nanos);
        long previous = minutes.head();
        if (previous != Long.MIN_VALUE && minute > previous) {
            // Minutes after the previous head saw nothing; learn before the ring clears what it passes.
            for (long m = previous - 1; m <= Math.min(minute - 2, previous); m++) {
                learn(m);
            }
        }
        if (!minutes.advanceTo(minute)) {
            return;
        }
        Bar closed = chart.roll(minute, symbol, runId);
        if (closed != null) {
            bars.add(closed);
        }
    }

    /** Feeds a final minute into the usual levels (only a minute in which something arrived). */
    private void learn(long minute) {
        if (!minutes.seen(minute)) {
            return;
        }
        int hour = hourOf(minute * MinuteSlots.MINUTE_NANOS);
        // The all-hours level learns every minute, an hour's level only during that hour: 60 samples a day.
        double halfLifeMinutes = settings.seasonalHalfLife().toMinutes();
        double alphaAll = Ew.alpha(halfLifeMinutes);
        double alphaHour = Ew.alpha(halfLifeMinutes / 24.0);
        notional.add(hour, Math.log1p(minutes.notional(minute)), NOTIONAL_CLIP, alphaAll, alphaHour);
        variance.add(hour, Math.log(minutes.variance(minute) + VARIANCE_FLOOR), VARIANCE_CLIP, alphaAll, alphaHour);
        long end = (minute + 1) * MinuteSlots.MINUTE_NANOS - 1;
        for (int h = 0; h < HORIZON_NANOS.length; h++) {
            learnMove(h, Math.abs(logReturn(end, HORIZON_NANOS[h])));
        }
    }

    /** One sample of a horizon's usual move, at most {@value #MOVE_CLIP}× its current level. */
    private void learnMove(int horizon, double move) {
        if (!Double.isFinite(move)) {
            return;
        }
        double level = usualMoves[horizon].mean();
        usualMoves[horizon].add(Double.isNaN(level) || level == 0 ? move : Math.min(move, MOVE_CLIP * level),
                Ew.alpha(settings.usualMoveHalfLife().toMinutes()));
    }

    /**
     * History that arrives after newer data (a REST seed met behind the live quotes: Kafka merges topics in event
     * time only approximately) still teaches the usual levels of its hour, and the usual one-minute move from its
     * open and close; it cannot move the price or the returns any more.
     */
    private void learnLate(long minute, SourceBar bar, double barVariance) {
        int hour = hourOf(minute * MinuteSlots.MINUTE_NANOS);
        double halfLifeMinutes = settings.seasonalHalfLife().toMinutes();
        notional.add(hour, Math.log1p(bar.notional()), NOTIONAL_CLIP, Ew.alpha(halfLifeMinutes),
                Ew.alpha(halfLifeMinutes / 24.0));
        variance.add(hour, Math.log(barVariance + VARIANCE_FLOOR), VARIANCE_CLIP, Ew.alpha(halfLifeMinutes),
                Ew.alpha(halfLifeMinutes / 24.0));
        learnMove(0, Math.abs(Math.log(bar.close() / bar.open())));
        lateBars++;
    }

    /** Puts a price on the grid at {@code nanos}; false if a newer price is already there. */
    private boolean observe(long nanos, double price) {
        if (nanos < lastPriceNanos) {
            return false;
        }
        long slot = PriceSlots.slotOf(nanos);
        if (!prices.isEmpty() && slot > prices.head()) {
            long head = prices.head() * PriceSlots.SLOT_NANOS;
            double before = prices.at(head - PriceSlots.SLOT_NANOS);
            double r = Math.log(prices.latest() / before);
            if (Double.isFinite(r)) {
                minutes.addVariance(MinuteSlots.minuteOf(head), r * r);
            }
        }
        prices.set(nanos, price);
        if (chart.minute() == MinuteSlots.minuteOf(nanos)) {
            chart.price(price);
        }
        lastPriceNanos = nanos;
        return true;
    }

    private GridStep step(long nanos, Instant eventTime, String symbol, String runId, List<Bar> bars) {
        long every = settings.emitEvery().toNanos();
        long gridStep = every > 0 ? Math.floorDiv(nanos, every) : nanos;
        if (gridStep <= lastEmittedStep || prices.isEmpty()) {
            return new GridStep(null, bars);
        }
        lastEmittedStep = gridStep;
        return new GridStep(features(nanos, eventTime, symbol, runId), bars);
    }

    private MarketFeatures features(long nanos, Instant eventTime, String symbol, String runId) {
        int hour = hourOf(nanos);
        double seasonalFactor = seasonalFactor(hour);
        double[] returns = new double[3];
        double[] usual = new double[3];
        for (int h = 0; h < 3; h++) {
            double r = logReturn(nanos, HORIZON_NANOS[h]);
            returns[h] = Double.isFinite(r) ? r : 0;
            double level = usualMoves[h].mean();
            usual[h] = Double.isFinite(level) ? ABS_TO_SIGMA * level * seasonalFactor : 0;
        }
        double usualVariance = variance.level(hour);
        double usualVolatility = Double.isNaN(usualVariance) ? 0 : Math.sqrt(10 * Math.exp(usualVariance));
        double usualNotional = notional.level(hour);
        return new MarketFeatures(MarketFeatures.idOf(symbol, eventTime, runId), symbol, eventTime, prices.latest(),
                historyMinutes(), returns[0], returns[1], returns[2], usual[0], usual[1], usual[2],
                Math.sqrt(minutes.sum(nanos, 10, false)), usualVolatility, minutes.sum(nanos, 1, true),
                minutes.sum(nanos, 5, true), Double.isNaN(usualNotional) ? 0 : Math.expm1(usualNotional),
                lastQuoteNanos == Long.MIN_VALUE ? 0 : spread,
                lastTradeNanos == Long.MIN_VALUE ? -1 : (nanos - lastTradeNanos) / 1e9, runId);
    }

    /**
     * The grid price at {@code nanos} (the latest price, when none came since) against the grid price
     * {@code horizon} earlier; NaN when unknown.
     */
    private double logReturn(long nanos, long horizon) {
        long at = Math.min(nanos, lastPriceNanos);
        double now = prices.at(at);
        double then = prices.at(Math.min(nanos - horizon, at));
        return Math.log(now / then);
    }

    /** How much more (or less) this hour moves than the day as a whole, as a factor on σ, within [0.5, 2]. */
    private double seasonalFactor(int hour) {
        double own = variance.level(hour);
        double all = variance.overall();
        if (Double.isNaN(own) || Double.isNaN(all)) {
            return 1;
        }
        return Math.clamp(Math.exp((own - all) / 2), 0.5, 2);
    }

    private static int hourOf(long nanos) {
        return (int) Math.floorMod(Math.floorDiv(nanos, 3_600_000_000_000L), 24L);
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(serializedSize());
        writeTo(out);
        return out.array();
    }

    /** The length of {@link #toBytes()}. */
    public int serializedSize() {
        return 1 + 8 * 7 + 8 + PriceSlots.BYTES + MinuteSlots.BYTES + ChartMinute.BYTES + 2 * Seasonal.BYTES
                + 3 * Ew.BYTES + recentTrades.serializedSize();
    }

    /**
     * Writes {@link #toBytes()}'s bytes at the buffer's position (in little-endian order, whatever the buffer's), so a
     * caller that frames the state writes it once, without a copy: a live symbol's state is written for every input.
     */
    public void writeTo(ByteBuffer buffer) {
        ByteBuffer out = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        out.put(FORMAT).putLong(lastPriceNanos).putLong(lastQuoteNanos).putLong(lastTradeNanos)
                .putLong(lastEmittedStep).putDouble(spread).putLong(duplicates).putLong(late);
        out.putLong(lateBars);
        prices.writeTo(out);
        minutes.writeTo(out);
        chart.writeTo(out);
        notional.writeTo(out);
        variance.writeTo(out);
        for (Ew move : usualMoves) {
            move.writeTo(out);
        }
        recentTrades.writeTo(out);
        buffer.position(buffer.position() + out.position());
    }

    public static MarketState fromBytes(byte[] bytes, GridSettings settings) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte format = in.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown market state format " + format);
        }
        MarketState state = new MarketState(settings);
        state.lastPriceNanos = in.getLong();
        state.lastQuoteNanos = in.getLong();
        state.lastTradeNanos = in.getLong();
        state.lastEmittedStep = in.getLong();
        state.spread = in.getDouble();
        state.duplicates = in.getLong();
        state.late = in.getLong();
        state.lateBars = in.getLong();
        state.prices = PriceSlots.readFrom(in);
        state.minutes = MinuteSlots.readFrom(in);
        state.chart = ChartMinute.readFrom(in);
        state.notional = Seasonal.readFrom(in);
        state.variance = Seasonal.readFrom(in);
        state.usualMoves = new Ew[] {Ew.readFrom(in), Ew.readFrom(in), Ew.readFrom(in)};
        state.recentTrades = RecentIds.readFrom(in);
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " trailing bytes after the market state");
        }
        return state;
    }
}
