/**
 * Web Push's protocols as plain Java on JDK crypto: message encryption (RFC 8291, {@code aes128gcm} of RFC 8188) and
 * VAPID (RFC 8292). Sending them (RFC 8030) is {@code send}'s {@code PushSender}.
 */
package com.marketpulse.delivery.push;
