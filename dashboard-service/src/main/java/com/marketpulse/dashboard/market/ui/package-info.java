@NullMarked
package com.marketpulse.dashboard.market.ui;

import org.jspecify.annotations.NullMarked;
