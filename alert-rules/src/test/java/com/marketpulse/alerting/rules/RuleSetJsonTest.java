package com.marketpulse.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.marketpulse.events.AlertType;

class RuleSetJsonTest {

    @Test
    void aRuleSetReadsBackAsItWasWritten() {
        Rule defaults = new Rule(EnumSet.of(AlertType.PRICE_SPIKE, AlertType.VOLUME_ANOMALY), 30, 1.5, 250.0,
                new QuietHours(LocalTime.of(22, 30), LocalTime.of(6, 45)), Duration.ofMinutes(45), 2.0, true);
        Rule btc = new Rule(null, 60, null, null, QuietHours.NONE, null, null, null);
        RuleSet rules = new RuleSet(ZoneId.of("Asia/Tokyo"), defaults, Map.of("BTC/USD", btc));

        String json = RuleSetJson.write(rules);

        assertThat(RuleSetJson.read(json)).isEqualTo(rules);
        assertThat(json).contains("\"quietFrom\":\"22:30\"", "\"cooldownMinutes\":45", "\"zone\":\"Asia/Tokyo\"");
    }
}
