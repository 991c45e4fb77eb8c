/** The Notifications page: delivery channels, test sends, alert rules and the delivery log. */
@NullMarked
package com.marketpulse.dashboard.notification.ui;

import org.jspecify.annotations.NullMarked;
