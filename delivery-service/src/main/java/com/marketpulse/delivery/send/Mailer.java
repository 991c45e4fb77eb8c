package com.marketpulse.delivery.send;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.marketpulse.delivery.DeliveryProperties;

/**
 * Sends one mail through the configured SMTP server (Spring's {@link JavaMailSenderImpl} over Jakarta Mail) and
 * says how it went: a 4xx reply, a refused connection or a timeout is worth retrying; a 5xx reply (an unknown
 * mailbox, a refused sender) is not. Without a host it is off and sends nothing.
 */
final class Mailer {

    /** A mail to send; {@code messageId} is chosen by the caller so a repeat carries the same one. */
    record Mail(String to, String subject, String text, String html, String messageId) {
    }

    private final JavaMailSenderImpl sender;
    private final InternetAddress from;

    Mailer(DeliveryProperties.Email email) {
        try {
            this.from = new InternetAddress(email.from(), true);
        } catch (AddressException e) {
            throw new IllegalStateException("marketpulse.delivery.email.from (MARKETPULSE_DELIVERY_EMAIL_FROM) is not "
                    + "an address: " + email.from(), e);
        }
        this.sender = email.on() ? sender(email) : null;
    }

    boolean on() {
        return sender != null;
    }

    /** {@code <local@domain-of-from>}: the same delivery always gets the same Message-ID. */
    String messageId(String local) {
        String address = from.getAddress();
        return "<" + local + "@" + address.substring(address.indexOf('@') + 1) + ">";
    }

    Attempt send(Mail mail) {
        if (sender == null) {
            return Attempt.failed(null, "email is off on this server (no SMTP host)");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(new InternetAddress(mail.to(), true));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            // kept by JavaMailSenderImpl through saveChanges(): a repeat is recognisable by its Message-ID
            message.setHeader("Message-ID", mail.messageId());
            sender.send(message);
            return Attempt.sent(250);
        } catch (AddressException e) {
            return Attempt.failed(null, "not an address: " + mail.to());
        } catch (MessagingException e) {
            return Attempt.failed(null, "the mail cannot be composed: " + e.getMessage());
        } catch (MailException e) {
            return judge(e);
        }
    }

    /** 5xx: FAILED; 4xx, connection failures, timeouts and anything unclear: RETRY (attempts are bounded). */
    static Attempt judge(MailException e) {
        List<Throwable> causes = causes(e);
        for (Throwable cause : causes) {
            int code = replyCode(cause);
            if (code >= 500) {
                return Attempt.failed(null, "SMTP " + code + ": " + firstLine(cause.getMessage()));
            }
            if (code >= 400) {
                return Attempt.retry(null, "SMTP " + code + ": " + firstLine(cause.getMessage()));
            }
        }
        if (e instanceof MailAuthenticationException) {
            return Attempt.retry(null, "SMTP authentication failed (check the server's username and password)");
        }
        if (causes.stream().anyMatch(SocketTimeoutException.class::isInstance)) {
            return Attempt.retry(null, "SMTP timeout");
        }
        return causes.stream().filter(IOException.class::isInstance).findFirst()
                .map(io -> Attempt.retry(null, "SMTP connection failed: " + io.getClass().getSimpleName()))
                .orElseGet(() -> Attempt.retry(null, "SMTP: " + firstLine(e.getMessage())));
    }

    private static int replyCode(Throwable t) {
        return switch (t) {
            case SMTPAddressFailedException a -> a.getReturnCode();
            case SMTPSenderFailedException s -> s.getReturnCode();
            case SMTPSendFailedException s -> s.getReturnCode();
            default -> -1;
        };
    }

    /** The exception, its causes, the failed messages' exceptions and Jakarta Mail's chained "next" exceptions. */
    private static List<Throwable> causes(Throwable top) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> open = new ArrayList<>(List.of(top));
        while (!open.isEmpty()) {
            Throwable t = open.removeFirst();
            if (t == null || !seen.add(t)) {
                continue;
            }
            all.add(t);
            open.add(t.getCause());
            if (t instanceof MessagingException m) {
                open.add(m.getNextException());
            }
            if (t instanceof MailSendException s) {
                open.addAll(s.getFailedMessages().values());
            }
        }
        return all;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static JavaMailSenderImpl sender(DeliveryProperties.Email email) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(email.host());
        sender.setPort(email.port());
        sender.setDefaultEncoding("UTF-8");
        Properties smtp = sender.getJavaMailProperties();
        if (!email.username().isBlank()) {
            sender.setUsername(email.username());
            sender.setPassword(email.password());
            smtp.put("mail.smtp.auth", "true");
        }
        smtp.put("mail.smtp.starttls.enable", Boolean.toString(email.starttls()));
        smtp.put("mail.smtp.starttls.required", Boolean.toString(email.starttls()));
        String millis = Long.toString(email.timeout().toMillis());
        smtp.put("mail.smtp.connectiontimeout", millis);
        smtp.put("mail.smtp.timeout", millis);
        smtp.put("mail.smtp.writetimeout", millis);
        return sender;
    }
}
