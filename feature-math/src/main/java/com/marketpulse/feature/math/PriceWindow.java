package com.marketpulse.feature.math;

import java.nio.ByteBuffer;

/**
 * The last {@code n} trades' prices and sizes: price mean and standard deviation, and VWAP, in O(1) per trade.
 *
 * <p>VWAP is kept like the moments in {@link RollingMoments}: {@code vwap = shift + Σ s(p - shift) / Σ s},
 * with the reference re-centred to the VWAP once per window turnover (O(1) amortized), so a price near
 * 100,000 does not drown the deviations. A window whose trades all have size 0 has no VWAP; its price mean
 * stands in for it.
 */
final class PriceWindow {

    private final RollingMoments prices;
    private final DoubleRing sizes;
    private double vwapShift;
    private double sizeSum;
    private double weightedSum;
    private int tradedCount;
    private int pushesSinceRecenter;

    PriceWindow(int capacity) {
        this(new RollingMoments(capacity), new DoubleRing(capacity));
    }

    private PriceWindow(RollingMoments prices, DoubleRing sizes) {
        this.prices = prices;
        this.sizes = sizes;
    }

    void push(double price, double size) {
        if (prices.count() == 0) {
            vwapShift = price;
        }
        if (sizes.isFull()) {
            double oldSize = sizes.oldest();
            removeWeighted(prices.get(0), oldSize);
        }
        prices.push(price);
        sizes.push(size);
        if (size > 0) {
            sizeSum += size;
            weightedSum += size * (price - vwapShift);
            tradedCount++;
        }
        if (++pushesSinceRecenter >= sizes.capacity()) {
            recenter();
        }
    }

    private void removeWeighted(double price, double size) {
        if (size > 0) {
            sizeSum -= size;
            weightedSum -= size * (price - vwapShift);
            tradedCount--;
        }
        if (tradedCount == 0) {
            sizeSum = 0;
            weightedSum = 0;
        }
    }

    private void recenter() {
        vwapShift = vwap();
        sizeSum = 0;
        weightedSum = 0;
        for (int i = 0; i < sizes.size(); i++) {
            double size = sizes.get(i);
            if (size > 0) {
                sizeSum += size;
                weightedSum += size * (prices.get(i) - vwapShift);
            }
        }
        pushesSinceRecenter = 0;
    }

    int count() {
        return prices.count();
    }

    double mean() {
        return prices.mean();
    }

    double std() {
        return prices.std();
    }

    /** Σ(price·size) / Σ size over the window; the mean price when no trade in the window has a size. */
    double vwap() {
        return tradedCount == 0 ? prices.mean() : vwapShift + weightedSum / sizeSum;
    }

    int capacity() {
        return sizes.capacity();
    }

    int serializedSize() {
        return prices.serializedSize() + sizes.serializedSize() + 3 * 8 + 2 * 4;
    }

    void writeTo(ByteBuffer out) {
        prices.writeTo(out);
        sizes.writeTo(out);
        out.putDouble(vwapShift).putDouble(sizeSum).putDouble(weightedSum).putInt(tradedCount)
                .putInt(pushesSinceRecenter);
    }

    static PriceWindow readFrom(ByteBuffer in) {
        PriceWindow window = new PriceWindow(RollingMoments.readFrom(in), DoubleRing.readFrom(in));
        window.vwapShift = in.getDouble();
        window.sizeSum = in.getDouble();
        window.weightedSum = in.getDouble();
        window.tradedCount = in.getInt();
        window.pushesSinceRecenter = in.getInt();
        return window;
    }

    PriceWindow resized(int capacity) {
        PriceWindow resized = new PriceWindow(capacity);
        for (int i = Math.max(0, count() - capacity); i < count(); i++) {
            resized.push(prices.get(i), sizes.get(i));
        }
        return resized;
    }
}
