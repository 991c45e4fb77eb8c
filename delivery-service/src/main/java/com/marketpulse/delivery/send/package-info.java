/**
 * Sending: due deliveries are claimed from {@code delivery.deliveries} (so several instances and a restart
 * mid-retry share one queue), sent to their channel (webhooks and Web Push: to public addresses only, checked after
 * DNS resolution at send time and connected to at the very addresses checked, webhooks signed; email: over SMTP to
 * confirmed addresses, plus the confirmation mails of new ones), every attempt logged, failures retried with
 * exponential back-off, a channel that keeps failing paused. A delivery held for quiet hours is not claimed until
 * package {@code digest} has put it in its channel's digest (or released it as the only one held); a digest is claimed
 * and sent like any delivery.
 */
package com.marketpulse.delivery.send;
