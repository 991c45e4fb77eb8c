package com.marketpulse.detection;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import com.marketpulse.settings.SettingsRegistrar;

/**
 * detection-service. With the argument {@code train} it does not serve: it trains a model from the tick archive (or,
 * with {@code --candles FILE --symbol PAIR}, from a 1-minute candle file), stores it as the newest version (running
 * instances switch to it within their refresh interval) and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(SettingsRegistrar.class)
public class DetectionApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "train".equals(args[0])) {
            var context = trainCommand().run(Arrays.copyOfRange(args, 1, args.length));
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(DetectionApplication.class, args);
    }

    /** The one-shot train command: no web server, no Kafka listeners or topic creation, no model loaded at start. */
    public static SpringApplicationBuilder trainCommand() {
        return new SpringApplicationBuilder(DetectionApplication.class)
                .web(WebApplicationType.NONE)
                .properties("marketpulse.detection.command=train",
                        "marketpulse.detection.model.load-on-start=false",
                        "spring.kafka.listener.auto-startup=false",
                        "spring.kafka.admin.auto-create=false");
    }
}
