package com.marketpulse.delivery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.marketpulse.settings.SettingsRegistrar;

/**
 * delivery-service: reads live alerts from {@code market.alerts}, decides for every holder of the coin by their
 * alert rules, and sends to their channels (webhooks and email today).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(SettingsRegistrar.class)
public class DeliveryApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeliveryApplication.class, args);
    }
}
