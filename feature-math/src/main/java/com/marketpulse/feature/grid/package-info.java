/**
 * Features on a time grid, in event time, from whatever the venue sends: trades, quotes (their mid is the live
 * price on a thin venue) and source bars (a candle file, Alpaca's minute bars). O(1) work per event, a fixed-size
 * state per symbol, restartable from bytes. See {@link com.marketpulse.feature.grid.MarketState}.
 */
package com.marketpulse.feature.grid;
