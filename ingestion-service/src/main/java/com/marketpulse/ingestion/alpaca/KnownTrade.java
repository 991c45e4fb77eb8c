package com.marketpulse.ingestion.alpaca;

import java.time.Instant;

/** A trade of this venue already stored in Kafka: its symbol, Alpaca's trade id and its time. */
public record KnownTrade(String symbol, long id, Instant time) {
}
