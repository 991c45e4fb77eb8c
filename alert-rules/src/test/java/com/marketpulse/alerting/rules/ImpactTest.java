package com.marketpulse.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ImpactTest {

    @Test
    void aFallOfTheHoldingIsTheValueBeforeTheMoveLessTheValueAfter() {
        // 0.8 BTC: worth 0.8 × 65,000 / 0.95 = 54,737 before a −5 % move, 52,000 after
        Impact impact = Impact.of("BTC/USD", 0.8, 65_000, new AlertMove(-0.05, 4));

        assertThat(impact.amount()).isCloseTo(-2_736.84, within(0.01));
        assertThat(impact.text()).isEqualTo("your 0.8 BTC: −$2,737 in 4 min");
    }

    @Test
    void smallAmountsKeepTheirCentsAndQuantitiesTheirDecimals() {
        Impact impact = Impact.of("SOL/USD", 1.25, 150, new AlertMove(0.02, 1));

        assertThat(impact.text()).isEqualTo("your 1.25 SOL: +$3.68 in 1 min");
    }
}
