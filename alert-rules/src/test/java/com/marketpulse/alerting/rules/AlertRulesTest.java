package com.marketpulse.alerting.rules;

import static com.marketpulse.alerting.rules.TestAlerts.T0;
import static com.marketpulse.alerting.rules.TestAlerts.spike;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.marketpulse.alerting.rules.Decision.Outcome;
import com.marketpulse.alerting.rules.Decision.Reason;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;

class AlertRulesTest {

    private static final Rule NOTHING_SET = Rule.INHERIT;

    private static Recipient holder(RuleSet rules) {
        return new Recipient(rules, 0.8, null, Optional.empty(), Optional.empty());
    }

    private static RuleSet defaults(Rule rule) {
        return new RuleSet(ZoneId.of("UTC"), rule, Map.of());
    }

    private static Rule with(java.util.function.UnaryOperator<Rule> change) {
        return change.apply(NOTHING_SET);
    }

    @Test
    void aLiveAlertForAHolderWithDefaultRulesIsDeliveredWithTheHoldingsImpact() {
        Decision d = AlertRules.decide(spike("a1", 60, T0), holder(RuleSet.DEFAULT), T0.plusSeconds(5));

        assertThat(d.outcome()).isEqualTo(Outcome.DELIVER);
        assertThat(d.impact()).get().extracting(Impact::text).isEqualTo("your 0.8 BTC: −$2,737 in 4 min");
    }

    @Test
    void aBacktestAlertIsNeverDelivered() {
        Alert a = spike("a1", 90, T0);
        Alert replay = new Alert(a.alertId(), a.symbol(), a.type(), a.direction(), a.severity(), a.level(),
                a.eventTime(), a.endTime(), a.price(), a.score(), a.modelVersion(), a.explanation(), a.detectedAt(),
                "run-7");

        assertThat(AlertRules.decide(replay, holder(RuleSet.DEFAULT), T0).reason()).isEqualTo(Reason.BACKTEST);
    }

    @Test
    void aSnoozedCoinIsSuppressedUntilTheSnoozeEnds() {
        Instant until = T0.plus(Duration.ofHours(1));
        var snoozed = new Recipient(RuleSet.DEFAULT, 0.8, until, Optional.empty(), Optional.empty());

        assertThat(AlertRules.decide(spike("a1", 90, T0), snoozed, T0.plusSeconds(1)).reason())
                .isEqualTo(Reason.SNOOZED);
        assertThat(AlertRules.decide(spike("a2", 90, until), snoozed, until).outcome()).isEqualTo(Outcome.DELIVER);
    }

    @Test
    void typesSeverityMoveAndImpactEachFilter() {
        Rule onlyVolume = new Rule(EnumSet.of(AlertType.VOLUME_ANOMALY), null, null, null, null, null, null, null);
        Rule severe = new Rule(null, 70, null, null, null, null, null, null);
        Rule bigMove = new Rule(null, null, 6.0, null, null, null, null, null);
        Rule bigImpact = new Rule(null, null, null, 5_000.0, null, null, null, null);
        Alert a = spike("a1", 60, -5.0, 65_000, T0);

        assertThat(AlertRules.decide(a, holder(defaults(onlyVolume)), T0).reason()).isEqualTo(Reason.TYPE);
        assertThat(AlertRules.decide(a, holder(defaults(severe)), T0).reason()).isEqualTo(Reason.SEVERITY);
        assertThat(AlertRules.decide(a, holder(defaults(bigMove)), T0).reason()).isEqualTo(Reason.MOVE);
        assertThat(AlertRules.decide(a, holder(defaults(bigImpact)), T0).reason()).isEqualTo(Reason.IMPACT);
        assertThat(AlertRules.decide(spike("a2", 60, -9.0, 65_000, T0), holder(defaults(bigImpact)), T0).outcome())
                .as("0.8 BTC losing 9 %% of $71,429 is $6,429, above the minimum").isEqualTo(Outcome.DELIVER);
    }

    @Test
    void aMinimumImpactDoesNotSilenceAHolderWhoGaveNoQuantity() {
        Rule bigImpact = new Rule(null, null, null, 5_000.0, null, null, null, null);
        var noQuantity = new Recipient(defaults(bigImpact), null, null, Optional.empty(), Optional.empty());

        Decision d = AlertRules.decide(spike("a1", 60, T0), noQuantity, T0);

        assertThat(d.outcome()).isEqualTo(Outcome.DELIVER);
        assertThat(d.impact()).isEmpty();
    }

    @Test
    void aPerCoinOverrideChangesOnlyThatCoinAndOnlyTheFieldsItSets() {
        Rule defaults = new Rule(null, 80, null, null, null, null, null, null);
        Rule btc = new Rule(null, 40, null, null, null, null, null, null);
        RuleSet rules = new RuleSet(ZoneId.of("UTC"), defaults, Map.of("BTC/USD", btc));

        assertThat(AlertRules.decide(spike("a1", 60, T0), holder(rules), T0).outcome()).isEqualTo(Outcome.DELIVER);
        assertThat(rules.forSymbol("ETH/USD").minSeverity()).isEqualTo(80);
        assertThat(rules.forSymbol("BTC/USD").cooldown()).isEqualTo(Rule.DEFAULTS.cooldown());
    }

    @Test
    void theSecondAlertOfABurstIsSuppressedByTheCooldownAndTheNextAfterItIsDelivered() {
        Rule cooldown = new Rule(null, null, null, null, null, Duration.ofMinutes(30), null, null);
        Told first = new Told("a1", 60, 65_000, T0);
        var toldOnce = new Recipient(defaults(cooldown), 0.8, null, Optional.empty(), Optional.of(first));

        Instant burst = T0.plus(Duration.ofMinutes(8));
        assertThat(AlertRules.decide(spike("a2", 70, -5.0, 64_800, burst), toldOnce, burst).reason())
                .isEqualTo(Reason.COOLDOWN);
        Instant later = T0.plus(Duration.ofMinutes(30));
        assertThat(AlertRules.decide(spike("a3", 70, later), toldOnce, later).outcome()).isEqualTo(Outcome.DELIVER);
    }

    @Test
    void aFurtherMoveBreaksThroughTheCooldown() {
        Rule further = new Rule(null, null, null, null, null, Duration.ofHours(1), 3.0, null);
        var toldOnce = new Recipient(defaults(further), 0.8, null, Optional.empty(),
                Optional.of(new Told("a1", 60, 65_000, T0)));
        Instant burst = T0.plus(Duration.ofMinutes(10));

        assertThat(AlertRules.decide(spike("a2", 60, -5.0, 63_500, burst), toldOnce, burst).reason())
                .as("2.3 %% beyond the price told").isEqualTo(Reason.COOLDOWN);
        assertThat(AlertRules.decide(spike("a3", 60, -5.0, 62_900, burst), toldOnce, burst).outcome())
                .as("3.2 %% beyond the price told").isEqualTo(Outcome.DELIVER);
    }

    @Test
    void aGrowingEpisodeIsToldAgainOnlyWhenTheRuleAsks() {
        Told told = new Told("a1", 50, 65_000, T0);
        Rule repeat = new Rule(null, null, null, null, null, null, null, true);
        var byDefault = new Recipient(RuleSet.DEFAULT, 0.8, null, Optional.of(told), Optional.of(told));
        var asking = new Recipient(defaults(repeat), 0.8, null, Optional.of(told), Optional.of(told));

        assertThat(AlertRules.decide(spike("a1", 80, T0), byDefault, T0).reason()).isEqualTo(Reason.ALREADY_TOLD);
        assertThat(AlertRules.decide(spike("a1", 80, T0), asking, T0).outcome()).isEqualTo(Outcome.DELIVER);
        assertThat(AlertRules.decide(spike("a1", 50, T0), asking, T0).reason())
                .as("the same episode re-published without growing").isEqualTo(Reason.ALREADY_TOLD);
    }

    @Test
    void quietHoursInTheUsersZoneHoldTheAlertForTheDigestAtTheirEnd() {
        Rule quiet = new Rule(null, null, null, null, new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), null,
                null, null);
        RuleSet berlin = new RuleSet(ZoneId.of("Europe/Berlin"), quiet, Map.of());
        Instant night = Instant.parse("2026-03-10T23:30:00Z"); // 00:30 in Berlin

        Decision d = AlertRules.decide(spike("a1", 60, night), holder(berlin), night);

        assertThat(d.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(d.holdUntil()).isEqualTo(Instant.parse("2026-03-11T06:00:00Z"));
        Instant noon = Instant.parse("2026-03-11T11:00:00Z");
        assertThat(AlertRules.decide(spike("a2", 60, noon), holder(berlin), noon).outcome())
                .isEqualTo(Outcome.DELIVER);
    }

    @Test
    void suppressionWinsOverQuietHours() {
        Rule quietAndSevere = new Rule(null, 90, null, null, new QuietHours(LocalTime.of(0, 0), LocalTime.of(23, 0)),
                null, null, null);

        assertThat(AlertRules.decide(spike("a1", 60, T0), holder(defaults(quietAndSevere)), T0).reason())
                .isEqualTo(Reason.SEVERITY);
    }
}
