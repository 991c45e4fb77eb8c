package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.marketpulse.delivery.DeliveryProperties;

/**
 * delivery-service without an SMTP host: it starts, polls for no confirmation mails, and refuses every email channel
 * with the reason; with a host, confirmation mails are polled for.
 */
class EmailConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(EmailConfig.class, Wiring.class)
            .withPropertyValues("marketpulse.delivery.private-key-file=" + DeliveryKeysForTests.privateKey());

    @EnableConfigurationProperties(DeliveryProperties.class)
    static class Wiring {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        SimpleMeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        /** Never connected to here: nothing is read while email is off, and the poll is not run in this test. */
        @Bean
        JdbcClient jdbc() {
            return JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:9/none"));
        }
    }

    private static int tasks(SchedulingConfigurer configurer) {
        var registrar = new ScheduledTaskRegistrar();
        configurer.configureTasks(registrar);
        return registrar.getFixedDelayTaskList().size();
    }

    @Test
    void withoutAnSmtpHostTheServiceStartsAndEmailChannelsAreRefusedWithTheReason() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            var channel = new DeliveryQueue.Target("EMAIL", "holder@example.com", null, true, Instant.now(), null,
                    Instant.now());
            assertThat(started.getBean(EmailSender.class).unusable(channel)).isEqualTo(EmailSender.OFF);
            assertThat(tasks(started.getBean(SchedulingConfigurer.class))).as("no confirmation mails polled").isZero();
        });
    }

    @Test
    void withAnSmtpHostConfirmationMailsArePolledFor() {
        context.withPropertyValues("marketpulse.delivery.email.host=smtp.example.com",
                "marketpulse.delivery.email.public-url=https://marketpulse.example").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(tasks(started.getBean(SchedulingConfigurer.class))).isEqualTo(1);
        });
    }

    @Test
    void anSmtpHostWithoutAUsablePublicUrlIsRefusedAtStartSayingWhatToSet() {
        context.withPropertyValues("marketpulse.delivery.email.host=smtp.example.com",
                "marketpulse.delivery.email.public-url=localhost:8000").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("MARKETPULSE_PUBLIC_URL"));
    }
}
