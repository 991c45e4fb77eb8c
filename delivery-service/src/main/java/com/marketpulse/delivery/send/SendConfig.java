package com.marketpulse.delivery.send;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import com.marketpulse.delivery.DeliveryProperties;

/** Wires the senders and polls the queue every {@code marketpulse.delivery.poll-interval}. */
@Configuration(proxyBeanMethods = false)
class SendConfig {

    @Bean
    WebhookSender webhookSender(DeliveryProperties properties, Clock clock) {
        return new WebhookSender(new TargetGuard(properties.allowLoopback()), properties.connectTimeout(),
                properties.requestTimeout(), clock);
    }

    @Bean
    PushSender pushSender(DeliveryProperties properties, Clock clock) {
        DeliveryProperties.Push push = properties.push();
        return new PushSender(VapidKeyFiles.read(push), new TargetGuard(properties.allowLoopback()),
                properties.connectTimeout(), properties.requestTimeout(), push.ttl(), push.openUrl(), clock);
    }

    /** Every {@link ChannelSender} bean: one per kind of channel. */
    @Bean
    Dispatcher dispatcher(DeliveryQueue queue, List<ChannelSender> senders, DeliveryProperties properties,
                          Clock clock, MeterRegistry meters) {
        return new Dispatcher(queue, new ChannelSecrets(properties.privateKeyFile()), senders, properties, clock,
                meters);
    }

    @Bean
    SchedulingConfigurer dispatchEveryPoll(Dispatcher dispatcher, DeliveryProperties properties) {
        return registrar -> registrar.addFixedDelayTask(dispatcher::run, properties.pollInterval());
    }
}
