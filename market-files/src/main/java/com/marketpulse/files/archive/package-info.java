/**
 * The product's Parquet archive of raw events: how each kind lies on disk ({@link com.marketpulse.files.archive.EventSchema},
 * Hive-style {@code date=YYYY-MM-DD/symbol=BTC-USD/} directories; trades at the root, quotes under {@code quotes/},
 * source bars under {@code bars/}), one file's writer ({@link com.marketpulse.files.archive.EventFile}) and the
 * readers: one kind of one symbol ({@link com.marketpulse.files.archive.ArchiveReader}) or a range of several symbols
 * and kinds in event-time order ({@link com.marketpulse.files.archive.ArchiveRange}). detection-service's archiver
 * writes it; its training and ingestion-service's backtests read it. Plain Java: no Spring, no Kafka.
 */
package com.marketpulse.files.archive;
