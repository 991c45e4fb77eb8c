/**
 * The tick archive: every raw tick of market.crypto in Parquet files under Hive-style partitions
 * ({@code date=YYYY-MM-DD/symbol=BTC-USD/}), written crash-safely, and read back for training.
 */
package com.marketpulse.detection.archive;
