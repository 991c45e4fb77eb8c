/** The Backtest page: start a run from a file or an archive range, watch it, read and compare reports. */
@NullMarked
package com.marketpulse.dashboard.backtest.ui;

import org.jspecify.annotations.NullMarked;
