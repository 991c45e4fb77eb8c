package com.marketpulse.detection.alert;

import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.detection.core.episode.EpisodeTracker;
import com.marketpulse.detection.kafka.InputPolicy;
import com.marketpulse.detection.model.ModelRegistry;
import com.marketpulse.settings.MarketPulseSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scoring pipeline of detection-core over the model in use (swapped in whenever the registry changes model)
 * and episodes remembered in {@code detection.alerts}. Only where a model is loaded: the one-shot train command
 * scores nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "marketpulse.detection.model.load-on-start", havingValue = "true", matchIfMissing = true)
class AlertConfig {

    @Bean
    ScoringPipeline scoringPipeline(ModelRegistry models, MarketPulseSettings settings, AlertRepository store,
                                    Clock clock) {
        var pipeline = new ScoringPipeline(models.detector(),
                new EpisodeTracker(settings.detection().cooldown(), store, clock));
        models.onSwap(pipeline::swap);
        return pipeline;
    }

    @Bean
    FeatureListener featureListener(InputPolicy policy, ScoringPipeline pipeline, AlertRepository alerts,
                                    AlertPublisher publisher, MeterRegistry meters) {
        return new FeatureListener(policy, pipeline, alerts, publisher, meters);
    }
}
