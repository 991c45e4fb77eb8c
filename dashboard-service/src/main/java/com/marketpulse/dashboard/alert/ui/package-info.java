@NullMarked
package com.marketpulse.dashboard.alert.ui;

import org.jspecify.annotations.NullMarked;
