package com.marketpulse.delivery.send;

import com.marketpulse.delivery.send.DeliveryQueue.Target;

/**
 * Sends one delivery to one kind of channel (webhook, email, Telegram, Web Push): one bean per kind, chosen by the
 * channel's type. The dispatcher owns claiming, retries, the log and pausing; a sender only sends once and says how
 * it went.
 */
interface ChannelSender {

    /** The channel type it sends to, as {@code api.alert_channels.type} stores it, e.g. {@code WEBHOOK}. */
    String type();

    /**
     * @param target     the channel (its target: a URL, an address, a chat id)
     * @param secret     the channel's opened secret, or {@code null} when it has none
     * @param deliveryId the delivery's id, for the receiver to drop a repeat
     * @param body       the delivery as JSON: its id, the alert and the holding's impact
     */
    Attempt send(Target target, String secret, String deliveryId, String body);

    /**
     * Why this channel cannot be sent to now for reasons that are not the channel failing (this kind of channel is
     * off on this server, the channel is not confirmed), or {@code null}. The delivery is dropped with the reason in
     * its log, and the channel is not counted as failing.
     */
    default String unusable(Target target) {
        return null;
    }
}
