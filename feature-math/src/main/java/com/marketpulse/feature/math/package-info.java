/**
 * Streaming feature math for one symbol: plain Java, no Spring, no Kafka.
 *
 * <p>Every window is updated incrementally: a tick costs O(1) work (O(log n) comparisons plus one
 * bounded array move for the sliding median, see {@link com.marketpulse.feature.math.RollingMedian}),
 * never a re-scan of the window. Price sums are kept as deviations from a reference value that is
 * re-centred once per window turnover, so prices near 100,000 with cent-sized moves keep their
 * precision. {@link com.marketpulse.feature.math.SymbolState} is the entry point and serializes itself
 * compactly for a Kafka Streams state store.
 */
package com.marketpulse.feature.math;
