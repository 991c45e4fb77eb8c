package com.marketpulse.detection.scoring;

import com.marketpulse.events.FeatureVector;
import java.time.Instant;

/** Feature vectors for tests: a calm one, and copies with one feature changed. */
public final class Vectors {

    /** Trade sizes are log-normal with this σ around {@link FeatureVector#typicalSize()} (as in the simulator). */
    static final double SIZE_LOG_SIGMA = 1.3;

    public static final Instant T0 = Instant.parse("2026-11-24T12:00:00.123456789Z");

    private Vectors() {
    }

    /** A calm BTC/USD vector after warm-up: everything at its normal level. */
    public static FeatureVector calm(Instant time) {
        return new FeatureVector("sim:BTC/USD:" + time.toEpochMilli(), "BTC/USD", time, 100_000.0, 0.01, 200,
                100_000.0, 20.0, 0.0, 0.0, 0.3, 100_000.0, 0.0, 0.0002, 0.0002, 1.0, 1.5, 0.2, 0.01, 4.0, null);
    }

    public static FeatureVector with(FeatureVector v, double priceZ, double returnZ, double volumeZ, double volRatio) {
        double price = v.priceMean() + priceZ * v.priceStd();
        double size = Double.isFinite(volumeZ) ? v.typicalSize() * Math.exp(SIZE_LOG_SIGMA * volumeZ) : v.size();
        return new FeatureVector(v.eventId(), v.symbol(), v.eventTime(), price, size, v.samples(), v.priceMean(),
                v.priceStd(), priceZ, Math.signum(returnZ) * 0.0001 * Math.abs(returnZ), returnZ, v.vwap(),
                (price - v.vwap()) / v.vwap(), v.volShort() * volRatio, v.volLong(), volRatio, v.volume(), volumeZ,
                v.typicalSize(), v.tradeRate(), v.runId());
    }

    public static FeatureVector samples(FeatureVector v, int samples) {
        return new FeatureVector(v.eventId(), v.symbol(), v.eventTime(), v.price(), v.size(), samples, v.priceMean(),
                v.priceStd(), v.priceZ(), v.logReturn(), v.returnZ(), v.vwap(), v.vwapDeviation(), v.volShort(),
                v.volLong(), v.volRatio(), v.volume(), v.volumeZ(), v.typicalSize(), v.tradeRate(), v.runId());
    }

    public static FeatureVector run(FeatureVector v, String runId) {
        return new FeatureVector(v.eventId(), v.symbol(), v.eventTime(), v.price(), v.size(), v.samples(),
                v.priceMean(), v.priceStd(), v.priceZ(), v.logReturn(), v.returnZ(), v.vwap(), v.vwapDeviation(),
                v.volShort(), v.volLong(), v.volRatio(), v.volume(), v.volumeZ(), v.typicalSize(), v.tradeRate(), runId);
    }

    public static FeatureVector at(FeatureVector v, Instant time) {
        return new FeatureVector(v.eventId() + "@" + time, v.symbol(), time, v.price(), v.size(), v.samples(),
                v.priceMean(), v.priceStd(), v.priceZ(), v.logReturn(), v.returnZ(), v.vwap(), v.vwapDeviation(),
                v.volShort(), v.volLong(), v.volRatio(), v.volume(), v.volumeZ(), v.typicalSize(), v.tradeRate(), v.runId());
    }
}
