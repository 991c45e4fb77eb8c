@NullMarked
package com.marketpulse.dashboard.market;

import org.jspecify.annotations.NullMarked;
