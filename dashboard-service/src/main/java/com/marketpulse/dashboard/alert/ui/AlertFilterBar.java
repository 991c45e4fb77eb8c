package com.marketpulse.dashboard.alert.ui;

import java.util.List;
import java.util.function.Consumer;

import com.marketpulse.dashboard.alert.AlertFilter;
import com.marketpulse.dashboard.alert.AlertText;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** Filters for an alert list: coin, type, lowest severity, words. Wraps onto several lines on a phone. */
public final class AlertFilterBar extends Composite<FlexLayout> {

    private static final String ANY = "";

    private final Select<String> coin = select("Coin", "All coins");
    private final Select<String> type = select("Type", "All types");
    private final Select<String> level = select("Severity", "Any severity");
    private final TextField words = new TextField("Explanation");
    private final Consumer<AlertFilter> onChange;

    public AlertFilterBar(String idPrefix, Consumer<AlertFilter> onChange) {
        this.onChange = onChange;
        coin.setId(idPrefix + "-coin");
        type.setId(idPrefix + "-type");
        level.setId(idPrefix + "-level");
        words.setId(idPrefix + "-words");
        type.setItems(withAny(AlertFilter.TYPES));
        type.setItemLabelGenerator(value -> value.isEmpty() ? "All types" : AlertText.type(value));
        level.setItems(withAny(AlertFilter.LEVELS));
        level.setItemLabelGenerator(value -> value.isEmpty() ? "Any severity" : AlertText.type(value) + " or higher");
        words.setPlaceholder("e.g. volume");
        words.setClearButtonVisible(true);
        words.setValueChangeMode(ValueChangeMode.LAZY);
        setCoins(List.of());
        coin.addValueChangeListener(e -> changed());
        type.addValueChangeListener(e -> changed());
        level.addValueChangeListener(e -> changed());
        words.addValueChangeListener(e -> changed());
        var bar = getContent();
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);
        bar.add(coin, type, level, words);
    }

    /** The coins to offer; a chosen coin that is no longer offered falls back to "all". */
    public void setCoins(List<String> coins) {
        String chosen = coin.getValue();
        coin.setItems(withAny(coins));
        coin.setItemLabelGenerator(value -> value.isEmpty() ? "All coins" : value);
        coin.setValue(chosen != null && coins.contains(chosen) ? chosen : ANY);
    }

    public AlertFilter filter() {
        return new AlertFilter(blankToNull(coin.getValue()), blankToNull(type.getValue()), blankToNull(level.getValue()),
                blankToNull(words.getValue()));
    }

    private void changed() {
        onChange.accept(filter());
    }

    private static Select<String> select(String label, String anyLabel) {
        var select = new Select<String>();
        select.setLabel(label);
        select.setEmptySelectionAllowed(false);
        select.setPlaceholder(anyLabel);
        select.setWidth("12em");
        return select;
    }

    private static List<String> withAny(List<String> values) {
        var all = new java.util.ArrayList<String>();
        all.add(ANY);
        all.addAll(values);
        return all;
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(@org.jspecify.annotations.Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
