/**
 * Small building blocks of the streaming features: event times as nanoseconds, and the fingerprints that recognise
 * a redelivered event. Plain Java, no Spring, no Kafka. The features themselves are in
 * {@link com.marketpulse.feature.grid}.
 */
package com.marketpulse.feature.math;
