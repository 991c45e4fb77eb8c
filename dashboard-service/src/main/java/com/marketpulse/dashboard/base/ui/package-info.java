@NullMarked
package com.marketpulse.dashboard.base.ui;

import org.jspecify.annotations.NullMarked;
