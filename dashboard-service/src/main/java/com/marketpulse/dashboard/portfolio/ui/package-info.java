@NullMarked
package com.marketpulse.dashboard.portfolio.ui;

import org.jspecify.annotations.NullMarked;
