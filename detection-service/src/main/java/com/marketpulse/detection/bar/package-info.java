/** One-minute bars from market.bars, stored for charts. */
package com.marketpulse.detection.bar;
