/**
 * The raw-event archive: every trade of market.crypto, quote of market.quotes and source bar of market.source-bars
 * in Parquet files under Hive-style partitions ({@code date=YYYY-MM-DD/symbol=BTC-USD/}; trades at the archive root,
 * quotes under {@code quotes/}, bars under {@code bars/}), written crash-safely by one archiver core per kind, and
 * read back for training and backtests.
 */
package com.marketpulse.detection.archive;
