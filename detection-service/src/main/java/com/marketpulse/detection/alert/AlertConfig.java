package com.marketpulse.detection.alert;

import com.marketpulse.detection.DetectionProperties;
import com.marketpulse.detection.episode.EpisodeTracker;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AlertConfig {

    @Bean
    EpisodeTracker episodeTracker(DetectionProperties properties, AlertRepository store, Clock clock) {
        return new EpisodeTracker(properties.cooldown(), store, clock);
    }
}
