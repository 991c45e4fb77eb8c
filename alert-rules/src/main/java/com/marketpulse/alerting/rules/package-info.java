/**
 * A user's personal alert rules and the decision, for one live alert and one holder of its coin, to deliver it now,
 * hold it for the digest at the end of quiet hours, or suppress it (and why). Plain Java: no Spring, no clock of its
 * own (the caller passes the instant), so every rule is tested on a fixed time.
 */
package com.marketpulse.alerting.rules;
