package com.marketpulse.feature.math;

import com.marketpulse.events.Bar;
import com.marketpulse.events.FeatureVector;
import com.marketpulse.events.Tick;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Everything feature-service remembers about one symbol (of the live stream or of one backtest run), and
 * the features of each new tick. O(1) work per tick apart from the sliding median (see
 * {@link RollingMedian}); no window is re-scanned per tick.
 *
 * <p>Baselines exclude the tick they judge, so a spike shows its full size: {@code priceMean},
 * {@code priceStd} (and so {@code priceZ = (price - priceMean) / priceStd}) are over the previous
 * {@code price-window} ticks; the return median/MAD behind {@code returnZ} over the previous
 * {@code robust-window} returns; the log-size mean/std behind {@code volumeZ} over the previous
 * {@code robust-window} sizes. Levels include the tick: VWAP (last {@code price-window} ticks), realized
 * volatility (last short/long returns), volume and trade rate (time window). A z-score whose baseline has
 * no spread (fewer than two values, or all equal) is 0.
 *
 * <p>The {@link FeatureVector} of an accepted tick (price p, size s, previous accepted price p₋₁):
 * <ul>
 *   <li>{@code samples}: ticks accepted for this key, this one included (duplicates and out-of-order ticks are
 *       not counted; saturates at {@code Integer.MAX_VALUE});</li>
 *   <li>{@code priceMean}, {@code priceStd}: mean and sample std (n-1) of the previous {@code price-window}
 *       prices; {@code priceZ = (p - priceMean) / priceStd};</li>
 *   <li>{@code logReturn = ln(p / p₋₁)} (computed as {@code log1p((p - p₋₁) / p₋₁)}), 0 for the first tick;</li>
 *   <li>{@code returnZ = (r - median) / (1.4826 · MAD)} over the previous {@code robust-window} returns; when
 *       the MAD is 0 the long-window std of returns is the scale;</li>
 *   <li>{@code vwap = Σ p·s / Σ s} over the last {@code price-window} ticks (the mean price if Σ s = 0);
 *       {@code vwapDeviation = (p - vwap) / vwap};</li>
 *   <li>{@code volShort}, {@code volLong}: sample std of the last {@code vol-short-window} /
 *       {@code vol-long-window} log returns; {@code volRatio = volShort / volLong} (1 while volLong is 0), so
 *       about 1 when volatility is steady;</li>
 *   <li>{@code volume}: Σ s over the time window; {@code tradeRate}: trades in it per second of the window
 *       (or of the part of it since the first tick);</li>
 *   <li>{@code volumeZ = (ln s - mean) / std} of the previous {@code robust-window} positive sizes' logs:
 *       positive for an unusually large trade; 0 for a size-0 trade; {@code typicalSize = exp(mean)} of the
 *       same logs (their geometric mean), 0 before the first positive size.</li>
 * </ul>
 *
 * <p>Order and duplicates: a tick whose event id is among the last {@value RecentIds#CAPACITY} accepted
 * ones is a duplicate and changes nothing. A tick older than the newest accepted one (event time strictly
 * earlier; equal times are in order) is out of order: the windows are left alone, because returns and
 * count windows describe the trade sequence in event-time order and cannot take an insertion in the
 * past in O(1); it still counts towards the open bar if it falls into it. Both are counted here.
 */
public final class SymbolState {

    /** Scales the MAD to a standard deviation for normally distributed data. */
    static final double MAD_TO_SIGMA = 1.4826;
    private static final byte FORMAT = 1;

    private long samples;
    private long duplicates;
    private long outOfOrder;
    private boolean hasLast;
    private long lastNanos;
    private double lastPrice;
    private PriceWindow prices;
    private RollingMoments volShort;
    private RollingMoments volLong;
    private RollingMedian returns;
    private RollingMoments logSizes;
    private TimeBuckets volumeClock;
    private BarBuilder bars;
    private RecentIds recentIds;

    private SymbolState() {
    }

    public static SymbolState fresh(FeatureSettings settings) {
        SymbolState state = new SymbolState();
        state.prices = new PriceWindow(settings.priceWindow());
        state.volShort = new RollingMoments(settings.volShortWindow());
        state.volLong = new RollingMoments(settings.volLongWindow());
        state.returns = new RollingMedian(settings.robustWindow());
        state.logSizes = new RollingMoments(settings.robustWindow());
        state.volumeClock = new TimeBuckets(settings.volumeTimeWindow().toNanos());
        state.bars = new BarBuilder(settings.barInterval().toNanos());
        state.recentIds = new RecentIds();
        return state;
    }

    /** Ticks accepted into the windows so far. */
    public long samples() {
        return samples;
    }

    public long duplicates() {
        return duplicates;
    }

    public long outOfOrder() {
        return outOfOrder;
    }

    public TickOutcome onTick(Tick tick) {
        if (recentIds.contains(tick.eventId())) {
            duplicates++;
            return new TickOutcome.Duplicate(tick.eventId());
        }
        long nanos = EventTime.toNanos(tick.eventTime());
        if (hasLast && nanos < lastNanos) {
            outOfOrder++;
            return new TickOutcome.OutOfOrder(tick.eventId(), bars.onLateTrade(nanos, tick.price(), tick.size()));
        }
        return accept(tick, nanos);
    }

    private TickOutcome accept(Tick tick, long nanos) {
        double price = tick.price();
        double size = tick.size();
        double priceMean = prices.mean();
        double priceStd = prices.std();
        double priceZ = zScore(price, priceMean, priceStd);

        double logReturn = hasLast ? Math.log1p((price - lastPrice) / lastPrice) : 0;
        double returnZ = hasLast ? robustReturnZ(logReturn) : 0;
        double volumeZ = size > 0 ? zScore(Math.log(size), logSizes.mean(), logSizes.std()) : 0;
        double typicalSize = logSizes.count() > 0 ? Math.exp(logSizes.mean()) : 0;

        prices.push(price, size);
        if (hasLast) {
            volShort.push(logReturn);
            volLong.push(logReturn);
            returns.push(logReturn);
        }
        if (size > 0) {
            logSizes.push(Math.log(size));
        }
        volumeClock.add(nanos, size);
        Optional<Bar> completed = bars.onTrade(tick.symbol(), tick.runId(), nanos, price, size);
        recentIds.add(tick.eventId());
        samples++;
        hasLast = true;
        lastNanos = nanos;
        lastPrice = price;

        double vwap = prices.vwap();
        double shortVol = volShort.std();
        double longVol = volLong.std();
        FeatureVector features = new FeatureVector(tick.eventId(), tick.symbol(), tick.eventTime(), price, size,
                (int) Math.min(samples, Integer.MAX_VALUE), priceMean, priceStd, priceZ, logReturn, returnZ,
                vwap, (price - vwap) / vwap, shortVol, longVol, longVol > 0 ? shortVol / longVol : 1.0,
                volumeClock.volume(), volumeZ, typicalSize, volumeClock.tradeRate(), tick.runId());
        return new TickOutcome.Accepted(features, completed);
    }

    /** (r - median) / (1.4826 MAD); when the MAD is 0 (most returns equal) the long-window std stands in. */
    private double robustReturnZ(double logReturn) {
        double scale = MAD_TO_SIGMA * returns.mad();
        if (!(scale > 0)) {
            scale = volLong.std();
        }
        return zScore(logReturn, returns.median(), scale);
    }

    static double zScore(double x, double center, double scale) {
        return scale > 0 ? (x - center) / scale : 0;
    }

    /** The state as bytes (little-endian, the windows as bulk copies): about 6 KB with the default windows. */
    public byte[] toBytes() {
        int size = 1 + 3 * 8 + 1 + 8 + 8 + prices.serializedSize() + volShort.serializedSize()
                + volLong.serializedSize() + returns.serializedSize() + logSizes.serializedSize()
                + volumeClock.serializedSize() + bars.serializedSize() + recentIds.serializedSize();
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.put(FORMAT).putLong(samples).putLong(duplicates).putLong(outOfOrder).put((byte) (hasLast ? 1 : 0))
                .putLong(lastNanos).putDouble(lastPrice);
        prices.writeTo(out);
        volShort.writeTo(out);
        volLong.writeTo(out);
        returns.writeTo(out);
        logSizes.writeTo(out);
        volumeClock.writeTo(out);
        bars.writeTo(out);
        recentIds.writeTo(out);
        return out.array();
    }

    /**
     * Reads a state written by {@link #toBytes()}. When the configured windows changed since, the newest
     * values are carried over into windows of the new sizes (no cold start); a changed time window or bar
     * interval starts that part afresh.
     */
    public static SymbolState fromBytes(byte[] bytes, FeatureSettings settings) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte format = in.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown feature state format " + format);
        }
        SymbolState state = new SymbolState();
        state.samples = in.getLong();
        state.duplicates = in.getLong();
        state.outOfOrder = in.getLong();
        state.hasLast = in.get() == 1;
        state.lastNanos = in.getLong();
        state.lastPrice = in.getDouble();
        state.prices = PriceWindow.readFrom(in);
        state.volShort = RollingMoments.readFrom(in);
        state.volLong = RollingMoments.readFrom(in);
        state.returns = RollingMedian.readFrom(in);
        state.logSizes = RollingMoments.readFrom(in);
        state.volumeClock = TimeBuckets.readFrom(in);
        state.bars = BarBuilder.readFrom(in);
        state.recentIds = RecentIds.readFrom(in);
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " trailing bytes after the feature state");
        }
        state.adaptTo(settings);
        return state;
    }

    private void adaptTo(FeatureSettings settings) {
        if (prices.capacity() != settings.priceWindow()) {
            prices = prices.resized(settings.priceWindow());
        }
        if (volShort.capacity() != settings.volShortWindow()) {
            volShort = volShort.resized(settings.volShortWindow());
        }
        if (volLong.capacity() != settings.volLongWindow()) {
            volLong = volLong.resized(settings.volLongWindow());
        }
        if (returns.capacity() != settings.robustWindow()) {
            returns = returns.resized(settings.robustWindow());
        }
        if (logSizes.capacity() != settings.robustWindow()) {
            logSizes = logSizes.resized(settings.robustWindow());
        }
        TimeBuckets configuredClock = new TimeBuckets(settings.volumeTimeWindow().toNanos());
        if (volumeClock.bucketNanos() != configuredClock.bucketNanos()) {
            volumeClock = configuredClock;
        }
        if (bars.intervalNanos() != settings.barInterval().toNanos()) {
            bars = new BarBuilder(settings.barInterval().toNanos());
        }
    }
}
