/**
 * The detector's model: bootstrapped, stored and versioned, trained from the archive or a candle file, swapped while
 * running.
 */
package com.marketpulse.detection.model;
