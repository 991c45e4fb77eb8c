package com.marketpulse.ingestion.publish;

import java.io.IOException;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live producer sends each tick at once (its latency is every alert's), the backtest producer, built from the
 * same settings, batches: both read from the real application.yml.
 */
class ProducerLingerTest {

    @Test
    void theLiveProducerDoesNotLingerAndTheBacktestProducerDoes() throws IOException {
        KafkaProperties kafka = kafkaPropertiesOfApplicationYml();

        assertThat(kafka.buildProducerProperties()).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "0");
        Map<String, Object> backtest = BacktestPublisher.producerConfig(kafka);
        assertThat(backtest).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "ingestion-backtests")
                // everything else as the live producer's
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    }

    private static KafkaProperties kafkaPropertiesOfApplicationYml() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return Binder.get(environment).bind("spring.kafka", Bindable.of(KafkaProperties.class))
                .orElseThrow(() -> new AssertionError("application.yml has no spring.kafka"));
    }
}
