/** Backtests as the dashboard shows them: the settings form's fields, progress text and report charts. */
@NullMarked
package com.marketpulse.dashboard.backtest;

import org.jspecify.annotations.NullMarked;
