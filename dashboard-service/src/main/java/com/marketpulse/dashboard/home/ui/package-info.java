@NullMarked
package com.marketpulse.dashboard.home.ui;

import org.jspecify.annotations.NullMarked;
