/**
 * Telegram: the bot's API client, the update poller that links a chat to a TELEGRAM channel when its owner sends
 * {@code /start <code>} (the one-time code the API issued, kept there as a hash), and the chat each channel is linked
 * to. Sending alerts is {@code send.TelegramSender}'s, through the dispatcher like every channel.
 */
package com.marketpulse.delivery.telegram;
