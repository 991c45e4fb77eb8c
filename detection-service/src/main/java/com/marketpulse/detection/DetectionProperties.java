package com.marketpulse.detection;

import com.marketpulse.detection.scoring.AnomalyForest;
import com.marketpulse.detection.scoring.DetectionRules;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marketpulse.detection.*} of config/marketpulse.yml; the defaults here are the documented ones there.
 *
 * @param warmUpSamples        ticks a symbol must have seen before it can alert
 * @param zScoreThreshold      |price z| that counts toward a price spike's strength
 * @param returnZThreshold     |robust return z| of one move from which a price spike is considered
 * @param volumeZThreshold     one trade's size z (log scale) from which a volume anomaly is considered
 * @param volumeShift          the sustained volume rule looks for sizes about this many σ (log scale) above normal
 * @param volumeEvidence       volume evidence (CUSUM, in nats) from which a sustained volume anomaly is reported
 * @param burstMultiplier      the burst rule looks for returns about this many times their normal size
 * @param burstTradeCap        the most burst evidence one trade can add (one jump alone is a spike, not a burst)
 * @param burstEvidence        burst evidence (CUSUM, in nats) from which a volatility burst is reported
 * @param forestScoreThreshold forest score that confirms a one-trade rule that is not decisive on its own
 * @param decisiveStrength     a one-trade rule at this multiple of its threshold needs no confirmation by the forest
 * @param cooldown             findings of a symbol and type at most this far apart are one episode
 */
@ConfigurationProperties("marketpulse.detection")
public record DetectionProperties(
        @DefaultValue("50") int warmUpSamples,
        @DefaultValue("4.0") double zScoreThreshold,
        @DefaultValue("22.0") double returnZThreshold,
        @DefaultValue("5.0") double volumeZThreshold,
        @DefaultValue("2.0") double volumeShift,
        @DefaultValue("13.0") double volumeEvidence,
        @DefaultValue("8.0") double burstMultiplier,
        @DefaultValue("4.0") double burstTradeCap,
        @DefaultValue("20.0") double burstEvidence,
        @DefaultValue("0.6") double forestScoreThreshold,
        @DefaultValue("1.25") double decisiveStrength,
        @DefaultValue("60s") Duration cooldown,
        @DefaultValue Model model,
        @DefaultValue Archive archive) {

    public DetectionRules rules() {
        return new DetectionRules(warmUpSamples, zScoreThreshold, returnZThreshold, volumeZThreshold, volumeShift,
                volumeEvidence, burstMultiplier, burstTradeCap, burstEvidence, forestScoreThreshold, decisiveStrength);
    }

    /**
     * @param trees           isolation trees per forest
     * @param subsample       fraction of the training rows each tree is grown on
     * @param rows            feature points every forest is grown on (512 with subsample 0.5: each tree sees the
     *                        256 points Liu et al. recommend); the same for bootstrap and archive models, because
     *                        Smile normalizes path lengths by the training size, so scores of models grown on
     *                        different counts would not be comparable against one threshold
     * @param bootstrapSeed   seed of the simulated normal points of a bootstrap forest
     * @param archiveTicks    at most this many of the newest archived ticks are read to train
     * @param minTrainingRows fewer usable feature points than this in the archive means "no history"
     * @param retrainInterval how often the model is retrained from the archive; 0 disables retraining
     * @param refreshInterval how often the newest stored model is looked up (hot swap across instances)
     * @param loadOnStart     load, train or bootstrap a model at start (off for the one-shot train command)
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
     * @param directory       root of the Parquet archive ({@code date=YYYY-MM-DD/symbol=BTC-USD/})
     * @param maxTicksPerFile a file is closed at this many ticks …
     * @param maxFileAge      … or when its first tick was read this long ago, whichever comes first
     */
    public record Archive(
            @DefaultValue("data/archive") Path directory,
            @DefaultValue("100000") int maxTicksPerFile,
            @DefaultValue("60s") Duration maxFileAge) {
    }
}
