package com.marketpulse.dashboard.notification.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.AlertRule;
import com.marketpulse.dashboard.api.ApiException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * The per-coin overrides of the rules panel: each coin with only what differs from the defaults, to edit or remove,
 * and "Add an override" ({@link OverrideEditor}). Changes stay on the page until the panel saves the rules;
 * {@code changed} hears of each.
 */
final class OverridesList extends VerticalLayout {

    private final OverrideCoins coins;
    private final Consumer<String> problem;
    private final Runnable changed;
    private final Grid<Map.Entry<String, AlertRule>> grid = new Grid<>();
    private final Map<String, AlertRule> overridden = new LinkedHashMap<>();
    private final OverrideEditor editor;

    OverridesList(OverrideCoins coins, Consumer<String> problem, Runnable changed) {
        this.coins = coins;
        this.problem = problem;
        this.changed = changed;
        setPadding(false);
        grid.setId("rules-overrides");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Map.Entry::getKey).setHeader("Coin").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> summary(entry.getValue())).setHeader("Differs from the defaults").setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No per-coin overrides.");
        editor = new OverrideEditor(problem, this::set);
        var add = new Button("Add an override", click -> openEditor(null));
        add.setId("override-add");
        add.addThemeVariants(ButtonVariant.SMALL);
        add(new H4("Per-coin overrides"), grid, add, editor);
    }

    /** The overrides as the API holds them. */
    void show(Map<String, AlertRule> overrides) {
        overridden.clear();
        overridden.putAll(overrides);
        grid.setItems(new ArrayList<>(overridden.entrySet()));
        editor.setVisible(false);
    }

    /** The overrides as the page shows them, to save. */
    Map<String, AlertRule> current() {
        return Map.copyOf(overridden);
    }

    private HorizontalLayout actions(Map.Entry<String, AlertRule> entry) {
        String id = entry.getKey().replace('/', '-');
        var edit = new Button("Edit", click -> openEditor(entry.getKey()));
        edit.setId("override-edit-" + id);
        edit.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        var remove = new Button("Remove", click -> {
            overridden.remove(entry.getKey());
            grid.setItems(new ArrayList<>(overridden.entrySet()));
            changed.run();
        });
        remove.setId("override-remove-" + id);
        remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        return new HorizontalLayout(edit, remove);
    }

    /** The editor for a new override ({@code symbol} null) or the coin's. */
    private void openEditor(@Nullable String symbol) {
        try {
            var choices = coins.load();
            if (symbol == null) {
                editor.add(choices, overridden);
            } else {
                editor.edit(choices, overridden, symbol);
            }
        } catch (ApiException e) {
            problem.accept(NotificationProblems.message(e));
        }
    }

    private void set(String symbol, AlertRule rule) {
        overridden.put(symbol, rule);
        grid.setItems(new ArrayList<>(overridden.entrySet()));
        changed.run();
    }

    /** The override's own fields, e.g. "min move 5.0 % · cooldown 60 min". */
    static String summary(AlertRule rule) {
        List<String> parts = new ArrayList<>();
        if (rule.types() != null) {
            parts.add("types " + String.join(", ", rule.types()).toLowerCase().replace('_', ' '));
        }
        if (rule.minSeverity() != null) {
            parts.add("min severity " + rule.minSeverity());
        }
        if (rule.minMovePercent() != null) {
            parts.add("min move " + rule.minMovePercent() + " %");
        }
        if (rule.minImpact() != null) {
            parts.add("min impact $" + rule.minImpact());
        }
        if (rule.cooldownMinutes() != null) {
            parts.add("cooldown " + rule.cooldownMinutes() + " min");
        }
        if (rule.furtherMovePercent() != null) {
            parts.add("again after a further " + rule.furtherMovePercent() + " %");
        }
        if (rule.quietFrom() != null && rule.quietTo() != null) {
            parts.add("quiet " + rule.quietFrom() + "-" + rule.quietTo());
        }
        if (rule.repeatWhenGrowing() != null) {
            parts.add(rule.repeatWhenGrowing() ? "repeat when growing" : "no repeat when growing");
        }
        return parts.isEmpty() ? "(same as the defaults)" : String.join(" · ", parts);
    }
}
