@NullMarked
package com.marketpulse.dashboard.system.ui;

import org.jspecify.annotations.NullMarked;
