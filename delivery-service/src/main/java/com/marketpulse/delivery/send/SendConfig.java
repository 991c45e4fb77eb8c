package com.marketpulse.delivery.send;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import com.marketpulse.delivery.DeliveryProperties;

/** Wires the sender and polls the queue every {@code marketpulse.delivery.poll-interval}. */
@Configuration(proxyBeanMethods = false)
class SendConfig {

    @Bean
    Dispatcher dispatcher(DeliveryQueue queue, DeliveryProperties properties, Clock clock, MeterRegistry meters) {
        var webhooks = new WebhookSender(new TargetGuard(properties.allowLoopback()), properties.connectTimeout(),
                properties.requestTimeout(), clock);
        return new Dispatcher(queue, new ChannelSecrets(properties.privateKeyFile()), webhooks, properties, clock,
                meters);
    }

    @Bean
    SchedulingConfigurer dispatchEveryPoll(Dispatcher dispatcher, DeliveryProperties properties) {
        return registrar -> registrar.addFixedDelayTask(dispatcher::run, properties.pollInterval());
    }
}
