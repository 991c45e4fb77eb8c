/**
 * Backtest runs beside the live source: START and CANCEL commands from {@code backtest.commands}, each run's input (an
 * uploaded file or an archive range) replayed under its run id onto the {@code *.replay} topics through a publisher
 * of its own, at most a few at once, and each run's progress on {@code backtest.progress}.
 */
package com.marketpulse.ingestion.backtest;
