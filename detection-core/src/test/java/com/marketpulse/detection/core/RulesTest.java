package com.marketpulse.detection.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import org.junit.jupiter.api.Test;

class RulesTest {

    private static final Minimums ALTS = new Minimums(0.015, 0.02, 0.035, 500_000, 0.02);
    private final PriceMoveRule price = new PriceMoveRule(4);
    private final VolumeRule volume = new VolumeRule(10);
    private final VolatilityRule volatility = new VolatilityRule(3);

    @Test
    void aCalmStepFiresNoRule() {
        var calm = Steps.calm("DOT/USD").get();

        assertThat(price.judge(calm, ALTS)).isNull();
        assertThat(volume.judge(calm, ALTS)).isNull();
        assertThat(volatility.judge(calm, ALTS)).isNull();
    }

    @Test
    void aFallOfFivePercentInFiveMinutesIsASpikeExplainedInPercentAndMoney() {
        var fall = Steps.calm("DOT/USD").moved(-0.01, Math.log(0.95), Math.log(0.95)).get();

        Candidate c = price.judge(fall, ALTS);

        assertThat(c.type()).isEqualTo(AlertType.PRICE_SPIKE);
        assertThat(c.direction()).isEqualTo(Direction.DOWN);
        assertThat(c.explanation()).startsWith("DOT/USD −5.0 % in 5 min (−$5.26), 13× its usual 5-minute move");
        assertThat(c.materiality()).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anUnusualButImmaterialMoveIsNoSpike() {
        // 1 % in 5 minutes is 10σ for a calm coin, but below the 2 % a holder cares about
        var small = Steps.calm("DOT/USD").usualMoves(0.0005, 0.001, 0.002).moved(0.004, 0.01, 0.01).get();

        assertThat(price.judge(small, ALTS)).isNull();
    }

    @Test
    void aMaterialButUsualMoveIsNoSpike() {
        // 3 % in 5 minutes on a coin that moves 1 % in 5 minutes every day
        var wild = Steps.calm("DOT/USD").usualMoves(0.006, 0.01, 0.017).moved(0.01, 0.03, 0.03).get();

        assertThat(price.judge(wild, ALTS)).isNull();
    }

    @Test
    void theFasterHorizonSpeaksWhenItIsStronger() {
        var jump = Steps.calm("DOT/USD").moved(0.04, 0.04, 0.04).get();

        Candidate c = price.judge(jump, ALTS);

        assertThat(c.explanation()).contains("in 1 min");
        assertThat(c.speed()).isEqualTo(1.0);
    }

    @Test
    void volumeNeedsAMultipleOfTheUsualAndAMaterialValue() {
        var busy = Steps.calm("DOT/USD").traded(500_000, 2_400_000).get();
        var busyButSmall = Steps.calm("DOT/USD").traded(500_000, 2_400_000);
        var smallCoin = new Steps("X/USD", 1, 0, 0, 0, 0.002, 0.004, 0.007, 0.006, 0.006, 30_000, 160_000, 2_000,
                10_000).get();

        Candidate c = volume.judge(busy, ALTS);
        assertThat(c.type()).isEqualTo(AlertType.VOLUME_ANOMALY);
        assertThat(c.materiality()).as("felt: the price barely moved").isEqualTo(1.0);
        assertThat(c.explanation()).isEqualTo("DOT/USD traded $2.4M in 5 min, 12× usual for this hour (price +0.1 % in 5 min)");
        assertThat(volume.judge(busyButSmall.traded(100_000, 450_000).get(), ALTS)).isNull();
        // 16× its usual 5-minute value, but $160k is not material for a default coin
        assertThat(volume.judge(smallCoin, ALTS)).isNull();
    }

    @Test
    void volatilityNeedsAMultipleOfTheUsualAndAMaterialSwing() {
        var burst = Steps.calm("DOT/USD").swinging(0.025).get();
        var calmCoinTripled = Steps.calm("DOT/USD").swinging(0.019).get();

        Candidate c = volatility.judge(burst, ALTS);
        assertThat(c.type()).isEqualTo(AlertType.VOLATILITY_BURST);
        assertThat(c.explanation()).startsWith("DOT/USD swinging ±2.5 % over 10 min, 4.2× its usual volatility");
        assertThat(volatility.judge(calmCoinTripled, ALTS)).isNull();
    }

    @Test
    void oneJumpOrAOneWayCrashIsNoVolatilityBurst() {
        var jump = Steps.calm("DOT/USD").moved(0.06, 0.06, 0.06).swinging(0.061).get();
        var choppy = Steps.calm("DOT/USD").moved(0.0, 0.005, 0.005).swinging(0.03).get();

        assertThat(volatility.judge(jump, ALTS)).isNull();
        assertThat(volatility.judge(choppy, ALTS)).isNotNull();
    }
}
