package com.marketpulse.detection.alert;

import com.marketpulse.detection.DetectionServiceProperties;
import com.marketpulse.detection.backtest.BacktestRuns;
import com.marketpulse.detection.core.ScoringPipeline;
import com.marketpulse.detection.core.episode.EpisodeTracker;
import com.marketpulse.detection.kafka.InputPolicy;
import com.marketpulse.detection.model.ModelRegistry;
import com.marketpulse.settings.MarketPulseSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/**
 * The scoring pipeline of detection-core over the model in use (swapped in whenever the registry changes model)
 * and episodes remembered in {@code detection.alerts}: one for live steps, one per backtest run. Only where a model
 * is loaded: the one-shot train command scores nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "marketpulse.detection.model.load-on-start", havingValue = "true", matchIfMissing = true)
@EnableScheduling
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
    AlertWriter alertWriter(AlertRepository alerts, AlertPublisher publisher) {
        return new AlertWriter(alerts, publisher);
    }

    @Bean
    FeatureListener featureListener(InputPolicy policy, ScoringPipeline pipeline, AlertWriter writer,
                                    MeterRegistry meters) {
        return new FeatureListener(policy, pipeline, writer, meters);
    }

    @Bean
    RunPipelines runPipelines(BacktestRuns runs, ModelRegistry models, MarketPulseSettings settings,
                              AlertRepository store, Clock clock, DetectionServiceProperties properties) {
        var backtest = properties.backtest();
        var pipelines = new RunPipelines(runs::find, () -> models.detector().model(), settings.detection(), store,
                clock, backtest.idleStateTtl(), backtest.startWait(), duration -> Thread.sleep(duration));
        models.onSwap(detector -> pipelines.swap(detector.model()));
        runs.onChange(pipelines::changed);
        return pipelines;
    }

    @Bean
    ReplayFeatureListener replayFeatureListener(InputPolicy policy, RunPipelines runs, AlertWriter writer,
                                                MeterRegistry meters) {
        return new ReplayFeatureListener(policy, runs, writer, meters);
    }

    /** Drops the detector state of finished runs even when no backtest step arrives any more. */
    @Bean
    SchedulingConfigurer idleRunSweep(RunPipelines runs, DetectionServiceProperties properties) {
        Duration ttl = properties.backtest().idleStateTtl();
        Duration every = ttl.dividedBy(10).compareTo(Duration.ofMinutes(1)) < 0 ? ttl.dividedBy(10)
                : Duration.ofMinutes(1);
        Duration period = every.isPositive() ? every : Duration.ofSeconds(1);
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(runs::expireIdle, period, period));
    }
}
