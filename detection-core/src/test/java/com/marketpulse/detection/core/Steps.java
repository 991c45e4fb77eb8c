package com.marketpulse.detection.core;

import com.marketpulse.events.MarketFeatures;
import java.time.Instant;

/** Grid steps for tests: a calm, warm symbol by default, changed one feature at a time. */
record Steps(String symbol, double price, double r1, double r5, double r15, double usual1, double usual5,
             double usual15, double vol10, double usualVol10, double n1, double n5, double usualN1, double history) {

    static Steps calm(String symbol) {
        return new Steps(symbol, 100, 0.0005, 0.001, 0.002, 0.002, 0.004, 0.007, 0.006, 0.006, 40_000, 200_000,
                40_000, 10_000);
    }

    Steps moved(double r1, double r5, double r15) {
        return new Steps(symbol, price, r1, r5, r15, usual1, usual5, usual15, vol10, usualVol10, n1, n5, usualN1,
                history);
    }

    Steps traded(double n1, double n5) {
        return new Steps(symbol, price, r1, r5, r15, usual1, usual5, usual15, vol10, usualVol10, n1, n5, usualN1,
                history);
    }

    Steps swinging(double vol10) {
        return new Steps(symbol, price, r1, r5, r15, usual1, usual5, usual15, vol10, usualVol10, n1, n5, usualN1,
                history);
    }

    Steps usualMoves(double u1, double u5, double u15) {
        return new Steps(symbol, price, r1, r5, r15, u1, u5, u15, vol10, usualVol10, n1, n5, usualN1, history);
    }

    Steps withHistory(double minutes) {
        return new Steps(symbol, price, r1, r5, r15, usual1, usual5, usual15, vol10, usualVol10, n1, n5, usualN1,
                minutes);
    }

    MarketFeatures at(Instant t) {
        return new MarketFeatures(MarketFeatures.idOf(symbol, t, null), symbol, t, price, history, r1, r5, r15,
                usual1, usual5, usual15, vol10, usualVol10, n1, n5, usualN1, 0.0009, 30, null);
    }

    MarketFeatures get() {
        return at(Instant.parse("2024-11-05T14:00:00Z"));
    }
}
