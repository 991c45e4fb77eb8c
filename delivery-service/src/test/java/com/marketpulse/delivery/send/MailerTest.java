package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.marketpulse.delivery.DeliveryProperties;

/**
 * How an SMTP answer becomes an attempt's outcome, against a server speaking SMTP: a 4xx reply or a refused
 * connection is retried, a 5xx reply (unknown mailbox) is not; no host means email is off, and the service starts.
 */
class MailerTest {

    private static Mailer mailer(String host, int port) {
        return new Mailer(new DeliveryProperties.Email(host, port, "", "", "MarketPulse <alerts@marketpulse.example>",
                false, "http://localhost:8000", Duration.ofSeconds(2)));
    }

    private static Attempt send(Mailer mailer) {
        return mailer.send(new Mailer.Mail("holder@example.com", "subject", "text", "<p>html</p>",
                mailer.messageId("delivery-1")));
    }

    @Test
    void aMailboxThatIsBusyNowIsRetried() throws IOException {
        try (var server = new ScriptedSmtp("451 4.2.1 mailbox busy, try again later", "250 OK")) {
            Attempt attempt = send(mailer("127.0.0.1", server.port()));

            assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.RETRY);
            assertThat(attempt.detail()).startsWith("SMTP 451");
        }
    }

    @Test
    void anUnknownMailboxFailsForGood() throws IOException {
        try (var server = new ScriptedSmtp("550 5.1.1 no such user", "250 OK")) {
            Attempt attempt = send(mailer("127.0.0.1", server.port()));

            assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.FAILED);
            assertThat(attempt.detail()).startsWith("SMTP 550").contains("no such user");
        }
    }

    @Test
    void aMessageRefusedAfterItsDataIsJudgedByTheReply() throws IOException {
        try (var busy = new ScriptedSmtp("250 OK", "452 4.3.1 insufficient system storage");
             var refused = new ScriptedSmtp("250 OK", "554 5.7.1 message refused")) {
            assertThat(send(mailer("127.0.0.1", busy.port())).outcome()).isEqualTo(Attempt.Outcome.RETRY);
            assertThat(send(mailer("127.0.0.1", refused.port())).outcome()).isEqualTo(Attempt.Outcome.FAILED);
        }
    }

    @Test
    void aServerThatIsDownIsRetried() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        Attempt attempt = send(mailer("127.0.0.1", closed));

        assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(attempt.detail()).isEqualTo("SMTP connection failed: ConnectException");
    }

    @Test
    void aMailTheServerTakesIsSent() throws IOException {
        try (var server = new ScriptedSmtp("250 OK", "250 2.0.0 queued")) {
            assertThat(send(mailer("127.0.0.1", server.port())).outcome()).isEqualTo(Attempt.Outcome.SENT);
        }
    }

    @Test
    void withoutAHostEmailIsOffAndEveryEmailChannelIsRefusedWithTheReason() {
        Mailer off = mailer("", 587);
        var sender = new EmailSender(off);
        var channel = new DeliveryQueue.Target("EMAIL", "holder@example.com", null, true, java.time.Instant.now(),
                null, java.time.Instant.now());

        assertThat(off.on()).isFalse();
        assertThat(sender.unusable(channel)).contains("email is off", "MARKETPULSE_DELIVERY_EMAIL_HOST");
    }

    @Test
    void anAddressNotConfirmedIsNeverSentTo() {
        var sender = new EmailSender(mailer("127.0.0.1", 25));
        var changed = new DeliveryQueue.Target("EMAIL", "new@example.com", null, true, java.time.Instant.now(),
                null, null);

        assertThat(sender.unusable(changed)).contains("not confirmed");
    }

    @Test
    void theMessageIdIsTheDeliverysOwnInTheSendersDomain() {
        assertThat(mailer("", 587).messageId("delivery-42")).isEqualTo("<delivery-42@marketpulse.example>");
    }
}
