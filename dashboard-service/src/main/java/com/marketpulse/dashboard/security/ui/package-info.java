@NullMarked
package com.marketpulse.dashboard.security.ui;

import org.jspecify.annotations.NullMarked;
