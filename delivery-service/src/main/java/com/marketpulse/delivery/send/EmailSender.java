package com.marketpulse.delivery.send;

import com.marketpulse.delivery.send.DeliveryQueue.Target;

/**
 * Mails a delivery to an email channel's address, once the address is confirmed. The Message-ID is derived from the
 * delivery id, so a repeat (the service died between sending and recording) is recognisable as the same mail.
 */
final class EmailSender implements ChannelSender {

    static final String OFF = "email is off on this server: no SMTP host configured (MARKETPULSE_DELIVERY_EMAIL_HOST)";
    static final String UNCONFIRMED = "the address is not confirmed: its owner has not followed the link mailed to it";

    private final Mailer mailer;

    EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public String type() {
        return "EMAIL";
    }

    @Override
    public String unusable(Target target) {
        if (!mailer.on()) {
            return OFF;
        }
        // the address may have changed since the alert was queued: the new one is not confirmed yet
        return target.confirmedAt() == null ? UNCONFIRMED : null;
    }

    @Override
    public Attempt send(Target target, String secret, String deliveryId, String body) {
        AlertMail mail;
        try {
            mail = AlertMail.of(body);
        } catch (RuntimeException e) {
            return Attempt.failed(null, "the delivery cannot be read as an alert: " + e.getClass().getSimpleName());
        }
        return mailer.send(new Mailer.Mail(target.target(), mail.subject(), mail.text(), mail.html(),
                mailer.messageId("delivery-" + deliveryId)));
    }
}
