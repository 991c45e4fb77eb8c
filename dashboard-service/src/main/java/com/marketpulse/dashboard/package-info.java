/** MarketPulse dashboard: a Vaadin UI in front of api-service. */
@NullMarked
package com.marketpulse.dashboard;

import org.jspecify.annotations.NullMarked;
