/**
 * The Kafka Streams topology of feature-service: trades, quotes and source bars in, market features and chart bars out, per-symbol state in
 * changelogged stores, bad records to dead-letter topics. Plain Kafka Streams, no Spring: it is built by
 * {@link com.marketpulse.feature.stream.FeatureTopology#build} and tested with {@code TopologyTestDriver}.
 */
package com.marketpulse.feature.stream;
