package com.marketpulse.detection;

import com.marketpulse.detection.core.AnomalyForest;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * detection-service's own keys under {@code marketpulse.detection}: the forest ({@code model.*}) and the Parquet
 * archive ({@code archive.*}), the listeners' retries while the database or broker is away ({@code retry.*}), the
 * detection side of backtest runs ({@code backtest.*}). The
 * detector's thresholds and minimums in the same section are a shared setting
 * ({@link com.marketpulse.settings.MarketPulseSettings#detection()}), bound there and ignored here.
 */
@ConfigurationProperties("marketpulse.detection")
public record DetectionServiceProperties(@DefaultValue Model model, @DefaultValue Archive archive,
                                         @DefaultValue Retry retry, @DefaultValue Backtest backtest) {

    /**
     * @param trees           isolation trees per forest
     * @param subsample       fraction of the training rows each tree is grown on
     * @param rows            grid steps every forest is grown on (512 with subsample 0.5: each tree sees the 256
     *                        points Liu et al. recommend); the same for bootstrap and trained models, because Smile
     *                        normalizes path lengths by the training size, so scores of models grown on different
     *                        counts would not be comparable
     * @param bootstrapSeed   seed of the simulated normal points of a bootstrap forest, and of the trainer's sample
     * @param archiveTicks    at most this many of the newest archived ticks are read to train
     * @param minTrainingRows fewer warm grid steps than this in the history means "no history"
     * @param retrainInterval how often the model is retrained from the archive; 0 disables retraining
     * @param refreshInterval how often the newest stored model is looked up (hot swap across instances)
     * @param loadOnStart     load, train or bootstrap a model at start, and score (off for the one-shot train command)
     */
    public record Model(
            @DefaultValue("100") int trees,
            @DefaultValue("0.5") double subsample,
            @DefaultValue("512") int rows,
            @DefaultValue("42") long bootstrapSeed,
            @DefaultValue("200000") int archiveTicks,
            @DefaultValue("1000") int minTrainingRows,
            @DefaultValue("6h") Duration retrainInterval,
            @DefaultValue("30s") Duration refreshInterval,
            @DefaultValue("true") boolean loadOnStart) {

        public AnomalyForest.Options options() {
            return new AnomalyForest.Options(trees, subsample, 0);
        }
    }

    /**
     * @param maxTicksPerFile a file is closed at this many ticks …
     * @param maxFileAge      … or when its first tick was read this long ago, whichever comes first
     */
    public record Archive(
            @DefaultValue("100000") int maxTicksPerFile,
            @DefaultValue("60s") Duration maxFileAge) {
    }

    /**
     * The wait between attempts at a record while the database or the broker is unreachable: doubling from the
     * first interval up to the ceiling, and never giving up (a good record is never dead-lettered for an outage).
     *
     * @param initialInterval the first wait
     * @param maxInterval     the longest wait (well below the consumer's max.poll.interval.ms)
     */
    public record Retry(
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("30s") Duration maxInterval) {
    }

    /**
     * How detection judges backtest runs (features on {@code market.features.replay}).
     *
     * @param idleStateTtl a run's detector state (its episodes and settings) is dropped once no feature of the run
     *                     has arrived for this long; a later feature of the run rebuilds it from its stored alerts
     * @param startWait    how long the first feature of a run whose START (backtest.commands) has not been stored
     *                     yet waits for it before the run is judged with the live settings (a replay started without
     *                     the API, e.g. {@code MARKETPULSE_REPLAY_RUN_ID}, never has one)
     */
    public record Backtest(
            @DefaultValue("30m") Duration idleStateTtl,
            @DefaultValue("30s") Duration startWait) {
    }
}
