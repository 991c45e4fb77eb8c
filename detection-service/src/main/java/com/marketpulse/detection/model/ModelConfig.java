package com.marketpulse.detection.model;

import com.marketpulse.detection.DetectionServiceProperties;
import com.marketpulse.settings.MarketPulseSettings;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
class ModelConfig {

    @Bean
    ModelTrainer modelTrainer(DetectionServiceProperties properties, MarketPulseSettings settings, Clock clock) {
        return new ModelTrainer(settings.archive().directory(), properties.model(), settings.features(),
                settings.detection().warmUp(), clock);
    }

    /** Retrains on a schedule and picks up models stored by other processes; off for the one-shot command. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "marketpulse.detection.model.load-on-start", havingValue = "true",
            matchIfMissing = true)
    static class Schedule implements SchedulingConfigurer {

        private static final Logger log = LoggerFactory.getLogger(Schedule.class);

        private final ModelRegistry registry;
        private final DetectionServiceProperties.Model settings;

        Schedule(ModelRegistry registry, DetectionServiceProperties properties) {
            this.registry = registry;
            this.settings = properties.model();
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar tasks) {
            if (settings.refreshInterval().isPositive()) {
                tasks.addFixedDelayTask(new FixedDelayTask(() -> guarded("refresh", registry::refresh),
                        settings.refreshInterval(), settings.refreshInterval()));
            }
            if (settings.retrainInterval().isPositive()) {
                tasks.addFixedDelayTask(new FixedDelayTask(() -> guarded("retrain",
                        () -> registry.retrainIfDue(settings.retrainInterval())),
                        settings.retrainInterval(), settings.retrainInterval()));
            }
        }

        /** A failed run is logged and tried again at the next interval; the model in use stays. */
        private static void guarded(String what, Runnable task) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Model {} failed; the current model stays in use", what, e);
            }
        }

    }
}
