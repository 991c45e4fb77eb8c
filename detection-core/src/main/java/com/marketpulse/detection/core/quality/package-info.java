/**
 * How alerts are scored against labelled events: the matching rule shared by the evaluation and backtest reports.
 */
package com.marketpulse.detection.core.quality;
