package com.marketpulse.ingestion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import com.marketpulse.settings.SettingsRegistrar;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(SettingsRegistrar.class)
public class IngestionApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestionApplication.class, args);
    }
}
