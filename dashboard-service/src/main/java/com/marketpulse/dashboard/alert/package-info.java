@NullMarked
package com.marketpulse.dashboard.alert;

import org.jspecify.annotations.NullMarked;
