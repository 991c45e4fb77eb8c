/**
 * File replay: CSV or Parquet trades streamed row by row, paced at real time, N times faster or unpaced; bad rows
 * reported with their line number; labelled rows turned into ground-truth episodes. No Spring here.
 */
package com.marketpulse.ingestion.replay;
