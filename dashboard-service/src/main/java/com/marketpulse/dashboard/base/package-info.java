@NullMarked
package com.marketpulse.dashboard.base;

import org.jspecify.annotations.NullMarked;
