/**
 * Readers of market history files. A candle's prices are known only at its close, so every bar read here has
 * its event time at {@code start + 1 minute}. Plain Java: no Spring, no Kafka.
 */
package com.marketpulse.files;
