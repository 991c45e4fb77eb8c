package com.marketpulse.delivery.support;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An embedded SMTP server (GreenMail) on loopback, taking mail for any address. It can be stopped and started again
 * on the same port, so a test sees a connection refused and then a delivery.
 */
public final class FakeSmtp implements AutoCloseable {

    private GreenMail server;
    private final int port;

    public FakeSmtp() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        port = server.getSmtp().getPort();
    }

    public int port() {
        return port;
    }

    /** Refuses connections until {@link #start()}. */
    public synchronized void stop() {
        server.stop();
    }

    public synchronized void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** The mails received (since the last start) for {@code address}. */
    public synchronized List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(
                    message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
