/**
 * The detector as plain Java: rules that each own their thresholds, strength and explanation; the Isolation
 * Forest; the scoring pipeline that turns one grid step's {@link com.marketpulse.events.MarketFeatures} into
 * findings. An alert needs both: statistically unusual for this symbol now AND material to a holder.
 */
package com.marketpulse.detection.core;
