package com.marketpulse.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * delivery-service's own {@code marketpulse.delivery.*} settings, with their defaults stated here once.
 *
 * @param privateKeyFile the RSA private key (PEM, PKCS#8) that opens channel secrets; required
 * @param allowLoopback  whether webhook targets on loopback are allowed (tests and the local stack only)
 * @param pollInterval   how often due deliveries are looked for
 * @param batchSize      deliveries claimed at once
 * @param claim          how long a claimed delivery is this instance's before another may try it (a crash mid-send
 *                       is retried after this)
 * @param connectTimeout connecting to a webhook
 * @param requestTimeout a webhook's whole answer; longer is a timeout, retried
 * @param retry          the back-off of failed attempts
 * @param pauseAfter     failed attempts in a row after which a channel is paused until its owner changes it
 * @param email          the SMTP server email channels are sent through; without a host, email is off
 */
@ConfigurationProperties("marketpulse.delivery")
public record DeliveryProperties(
        String privateKeyFile,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("60s") Duration claim,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue Retry retry,
        @DefaultValue("10") int pauseAfter,
        @DefaultValue Email email) {

    /**
     * @param initial     the wait after the first failed attempt, doubling after each
     * @param max         the longest wait
     * @param maxAttempts attempts before a delivery is given up (FAILED)
     */
    public record Retry(
            @DefaultValue("5s") Duration initial,
            @DefaultValue("10m") Duration max,
            @DefaultValue("8") int maxAttempts) {

        /** The wait after {@code failedAttempts} failures (1 → initial). */
        public Duration after(int failedAttempts) {
            Duration wait = initial;
            for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(max) > 0 ? max : wait;
        }
    }

    /**
     * Email channels' SMTP server ({@code MARKETPULSE_DELIVERY_EMAIL_HOST}, {@code _PORT}, {@code _USERNAME},
     * {@code _PASSWORD}, {@code _FROM}, {@code _STARTTLS}). The password comes from the environment only.
     *
     * @param host      the SMTP server; empty: email is off (email deliveries are dropped with that reason in the
     *                  delivery log, confirmation mails wait), the service runs on
     * @param port      587, the submission port
     * @param username  empty: the server takes mail without signing in
     * @param password  the username's password
     * @param from      the From of every mail, e.g. {@code MarketPulse <alerts@example.com>}; its domain also names
     *                  the Message-IDs
     * @param starttls  require STARTTLS before signing in or sending (off only for a server on this machine)
     * @param publicUrl the API as users reach it: the confirmation link is
     *                  {@code {publicUrl}/api/me/channels/confirm?token=…} ({@code MARKETPULSE_PUBLIC_URL}, default
     *                  in application.yml)
     * @param timeout   connecting and each SMTP reply; longer is a timeout, retried
     */
    public record Email(
            @DefaultValue("") String host,
            @DefaultValue("587") int port,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("MarketPulse <alerts@localhost>") String from,
            @DefaultValue("true") boolean starttls,
            String publicUrl,
            @DefaultValue("10s") Duration timeout) {

        public boolean on() {
            return !host.isBlank();
        }

        @Override
        public String toString() {
            return "Email[host=" + host + ", port=" + port + ", username=" + username + ", from=" + from
                    + ", starttls=" + starttls + ", publicUrl=" + publicUrl + "]";
        }
    }
}
