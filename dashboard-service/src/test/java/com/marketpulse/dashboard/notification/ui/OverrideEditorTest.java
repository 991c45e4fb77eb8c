package com.marketpulse.dashboard.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.contract.AlertRule;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;

/** What "Set override" hands the rules panel: only the fields the person set, and nothing for a half-filled form. */
class OverrideEditorTest {

    private static final List<OverrideCoins.Coin> COINS = List.of(new OverrideCoins.Coin("ETH/USD", true),
            new OverrideCoins.Coin("BTC/USD", false));

    private final List<String> problems = new ArrayList<>();
    private final Map<String, AlertRule> applied = new LinkedHashMap<>();
    private final OverrideEditor editor = new OverrideEditor(problems::add, applied::put);

    @Test
    void onlyTheFieldsSetGoIntoTheOverrideAndEmptyOnesKeepTheDefaults() {
        editor.add(COINS, Map.of());
        chooseCoin("BTC/USD");
        set("override-min-impact", 500.0);
        set("override-quiet-from", LocalTime.of(22, 0));
        set("override-quiet-to", LocalTime.of(7, 0));
        set("override-repeat", "Yes");

        editor.apply();

        assertThat(problems).isEmpty();
        assertThat(applied).containsExactly(Map.entry("BTC/USD",
                new AlertRule(null, null, null, 500.0, "22:00", "07:00", null, null, true)));
        assertThat(editor.isVisible()).as("closed once set").isFalse();
    }

    @Test
    void editingFillsTheFormWithTheOverrideAndKeepsTheCoin() {
        var rule = new AlertRule(List.of("VOLUME_ANOMALY"), 40, null, null, null, null, 15, 2.5, false);
        editor.edit(COINS, Map.of("ETH/USD", rule), "ETH/USD");

        editor.apply();

        assertThat(applied).containsExactly(Map.entry("ETH/USD", rule));
    }

    @Test
    void aHalfFilledFormIsRefusedWithASentenceAndSetsNothing() {
        editor.add(COINS, Map.of());
        editor.apply();
        chooseCoin("ETH/USD");
        editor.apply();
        set("override-quiet-from", LocalTime.of(22, 0));
        editor.apply();

        assertThat(problems).containsExactly("Choose the coin the override is for.",
                "Set at least one thing that differs from the defaults, or remove the coin's override.",
                "Quiet hours need both a start and an end (or neither, as the defaults).");
        assertThat(applied).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void chooseCoin(String symbol) {
        var coin = (ComboBox<OverrideCoins.Coin>) find(editor, "override-coin");
        coin.setValue(COINS.stream().filter(c -> c.symbol().equals(symbol)).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private void set(String id, Object value) {
        ((HasValue<?, Object>) find(editor, id)).setValue(value);
    }

    private static Component find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return root;
        }
        return root.getChildren().map(child -> {
            try {
                return find(child, id);
            } catch (IllegalArgumentException notHere) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + id + " under " + root));
    }
}
