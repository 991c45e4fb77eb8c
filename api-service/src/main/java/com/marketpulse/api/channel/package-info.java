/**
 * A user's delivery channels (webhook, email, Telegram, Web Push) under {@code /api/me/channels}. Secrets are
 * generated here (a Web Push subscription's keys come from the browser), shown once, and stored sealed for
 * delivery-service, which alone can open them.
 */
package com.marketpulse.api.channel;
