package com.marketpulse.delivery.send;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import com.marketpulse.delivery.DeliveryProperties;

/**
 * Email channels: the sender of alert mails and the confirmation mails of new addresses, through the SMTP server of
 * {@code marketpulse.delivery.email}. Without a host, email is off: said once at start, and every email delivery is
 * dropped with that reason in its log; the rest of the service runs as usual.
 */
@Configuration(proxyBeanMethods = false)
class EmailConfig {

    private static final Logger log = LoggerFactory.getLogger(EmailConfig.class);

    @Bean
    Mailer mailer(DeliveryProperties properties) {
        DeliveryProperties.Email email = properties.email();
        if (email.on() && (email.publicUrl() == null || !email.publicUrl().matches("https?://[^\\s/]+.*"))) {
            // the confirmation links would lead nowhere: better not to start than to mail them
            throw new IllegalStateException("MARKETPULSE_PUBLIC_URL (marketpulse.delivery.email.public-url) must be "
                    + "the API's http(s) address as users reach it, for the email confirmation links, not "
                    + email.publicUrl());
        }
        if (email.on()) {
            log.info("Email channels go through SMTP {}:{} (STARTTLS {}) from {}; confirmation links to {}",
                    email.host(), email.port(), email.starttls() ? "required" : "off", email.from(), email.publicUrl());
        } else {
            log.warn("Email is off: no SMTP host configured (MARKETPULSE_DELIVERY_EMAIL_HOST); email channels are not"
                    + " sent to and their confirmation mails wait");
        }
        return new Mailer(email);
    }

    @Bean
    EmailSender emailSender(Mailer mailer) {
        return new EmailSender(mailer);
    }

    @Bean
    SchedulingConfigurer confirmationMailsEveryPoll(Mailer mailer, JdbcClient jdbc, DeliveryProperties properties,
                                                    Clock clock, MeterRegistry meters) {
        if (!mailer.on()) {
            return registrar -> { };
        }
        var mails = new ConfirmationMails(jdbc, mailer, new ChannelSecrets(properties.privateKeyFile()), properties,
                clock, meters);
        return registrar -> registrar.addFixedDelayTask(mails::run, properties.pollInterval());
    }
}
