package com.marketpulse.ingestion.alpaca;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of the Alpaca feed ({@code marketpulse.ingestion.alpaca.*}). */
final class AlpacaMetrics {

    private final MeterRegistry registry;

    AlpacaMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void reconnect(String reason) {
        counter("marketpulse.ingestion.alpaca.reconnects", "reason", reason).increment();
    }

    void gapBackfilled(int trades) {
        counter("marketpulse.ingestion.alpaca.gaps.backfilled").increment();
        counter("marketpulse.ingestion.alpaca.trades.backfilled").increment(trades);
    }

    void gapTruncated() {
        counter("marketpulse.ingestion.alpaca.gaps.truncated").increment();
    }

    void gapNotClosed() {
        counter("marketpulse.ingestion.alpaca.gaps.failed").increment();
    }

    void duplicate() {
        counter("marketpulse.ingestion.alpaca.trades.duplicate").increment();
    }

    /** A quote no newer than the last one of its symbol (a repeat after a reconnect, or stale). */
    void staleQuote() {
        counter("marketpulse.ingestion.alpaca.quotes.stale").increment();
    }

    void barRepeated() {
        counter("marketpulse.ingestion.alpaca.bars.duplicate").increment();
    }

    void barCorrected() {
        counter("marketpulse.ingestion.alpaca.bars.corrected").increment();
    }

    void barsBackfilled(int fresh, int corrections) {
        counter("marketpulse.ingestion.alpaca.bars.backfilled").increment(fresh + corrections);
    }

    /** A message that could not be used, by {@code reason} (see {@link AlpacaMessage.Malformed#kind()}). */
    void malformed(String reason) {
        counter("marketpulse.ingestion.alpaca.frames.malformed", "reason", reason).increment();
    }

    void serverError(int code) {
        counter("marketpulse.ingestion.alpaca.errors", "code", Integer.toString(code)).increment();
    }

    /** Daily bars and order books: received (they prove the connection alive) but not ingested. */
    void ignored(String type) {
        counter("marketpulse.ingestion.alpaca.messages.ignored", "type", type).increment();
    }

    void unknownType() {
        counter("marketpulse.ingestion.alpaca.messages.unknown").increment();
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry);
    }
}
