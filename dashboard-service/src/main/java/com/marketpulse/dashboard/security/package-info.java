@NullMarked
package com.marketpulse.dashboard.security;

import org.jspecify.annotations.NullMarked;
