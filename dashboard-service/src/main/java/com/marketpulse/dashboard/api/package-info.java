@NullMarked
package com.marketpulse.dashboard.api;

import org.jspecify.annotations.NullMarked;
