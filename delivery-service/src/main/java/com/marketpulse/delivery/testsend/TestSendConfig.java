package com.marketpulse.delivery.testsend;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import com.marketpulse.delivery.DeliveryProperties;

/** Looks for test-send requests as often as for due deliveries ({@code marketpulse.delivery.poll-interval}). */
@Configuration(proxyBeanMethods = false)
class TestSendConfig {

    @Bean
    SchedulingConfigurer takeTestSendsEveryPoll(TestSendIntake intake, DeliveryProperties properties) {
        return registrar -> registrar.addFixedDelayTask(intake::run, properties.pollInterval());
    }
}
