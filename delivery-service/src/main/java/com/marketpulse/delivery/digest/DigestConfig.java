package com.marketpulse.delivery.digest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import com.marketpulse.delivery.DeliveryProperties;

/** Forms the due digests as often as due deliveries are looked for ({@code marketpulse.delivery.poll-interval}). */
@Configuration(proxyBeanMethods = false)
class DigestConfig {

    @Bean
    SchedulingConfigurer formDigestsEveryPoll(DigestFormer former, DeliveryProperties properties) {
        return registrar -> registrar.addFixedDelayTask(former::run, properties.pollInterval());
    }
}
