package com.marketpulse.dashboard.notification.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.AlertRule;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.AbstractNumberField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * One coin's override: the coin (held ones first), then only the fields that differ from the defaults; a field left
 * empty (no type ticked, repeat "As the defaults") takes the defaults. "Set override" hands it to the rules panel,
 * which saves it with the rest.
 */
final class OverrideEditor extends VerticalLayout {

    static final String AS_DEFAULTS = "As the defaults";
    private static final Map<String, Boolean> REPEAT = Map.of("Yes", true, "No", false);

    private final Consumer<String> problem;
    private final BiConsumer<String, AlertRule> apply;
    private final H4 title = new H4();
    private final ComboBox<OverrideCoins.Coin> coin = new ComboBox<>("Coin");
    private final CheckboxGroup<String> types = new CheckboxGroup<>("Alert types");
    private final IntegerField minSeverity = new IntegerField("Minimum severity (0-100)");
    private final NumberField minMove = new NumberField("Minimum move (%)");
    private final NumberField minImpact = new NumberField("Minimum impact on my holding ($)");
    private final IntegerField cooldown = new IntegerField("Cooldown per type (minutes)");
    private final NumberField furtherMove = new NumberField("…unless it moved a further (%)");
    private final Select<String> repeat = new Select<>();
    private final TimePicker quietFrom = new TimePicker("Quiet hours from");
    private final TimePicker quietTo = new TimePicker("Quiet hours to");
    private Map<String, AlertRule> existing = Map.of();

    OverrideEditor(Consumer<String> problem, BiConsumer<String, AlertRule> apply) {
        this.problem = problem;
        this.apply = apply;
        setId("override-editor");
        addClassNames(LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
        setVisible(false);
        coin.setId("override-coin");
        coin.setItemLabelGenerator(OverrideCoins.Coin::label);
        coin.addValueChangeListener(change -> {
            // choosing a coin that has an override already edits that one
            if (change.isFromClient() && change.getValue() != null) {
                fill(existing.get(change.getValue().symbol()));
            }
        });
        types.setId("override-types");
        types.setItems(RulesPanel.TYPES);
        types.setItemLabelGenerator(RulesPanel::typeLabel);
        types.setHelperText("None ticked: the default types");
        minSeverity.setId("override-min-severity");
        minSeverity.setMin(0);
        minSeverity.setMax(100);
        minMove.setId("override-min-move");
        minImpact.setId("override-min-impact");
        cooldown.setId("override-cooldown");
        cooldown.setHelperText("0 to 10080 (7 days)");
        furtherMove.setId("override-further-move");
        minMove.setMin(0);
        minImpact.setMin(0);
        furtherMove.setMin(0);
        cooldown.setMin(0);
        for (var field : List.<AbstractNumberField<?, ?>>of(minSeverity, minMove, minImpact,
                cooldown, furtherMove)) {
            field.setPlaceholder("as the defaults");
            field.setClearButtonVisible(true);
        }
        repeat.setId("override-repeat");
        repeat.setLabel("Tell me again when an episode grows");
        repeat.setItems(AS_DEFAULTS, "Yes", "No");
        quietFrom.setId("override-quiet-from");
        quietTo.setId("override-quiet-to");
        var form = new FormLayout(coin, types, minSeverity, minMove, minImpact, cooldown, furtherMove, repeat,
                quietFrom, quietTo);
        form.setColspan(types, 2);
        var set = new Button("Set override", click -> apply());
        set.setId("override-apply");
        set.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        var cancel = new Button("Cancel", click -> setVisible(false));
        cancel.setId("override-cancel");
        cancel.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        add(title, form, new HorizontalLayout(set, cancel));
    }

    /** Opens the form empty, for a coin still to choose; {@code overrides} are the ones the panel shows. */
    void add(List<OverrideCoins.Coin> coins, Map<String, AlertRule> overrides) {
        open("Add an override", coins, overrides);
        coin.clear();
        coin.setReadOnly(false);
        fill(null);
    }

    /** Opens the form with the coin's override, the coin fixed. */
    void edit(List<OverrideCoins.Coin> coins, Map<String, AlertRule> overrides, String symbol) {
        List<OverrideCoins.Coin> choices = new ArrayList<>(coins);
        var chosen = choices.stream().filter(c -> c.symbol().equals(symbol)).findFirst().orElseGet(() -> {
            var gone = new OverrideCoins.Coin(symbol, false);
            choices.add(gone);
            return gone;
        });
        open("Override for " + symbol, choices, overrides);
        coin.setValue(chosen);
        coin.setReadOnly(true);
        fill(overrides.get(symbol));
    }

    private void open(String heading, List<OverrideCoins.Coin> coins, Map<String, AlertRule> overrides) {
        title.setText(heading);
        existing = Map.copyOf(overrides);
        coin.setItems(coins);
        setVisible(true);
    }

    private void fill(@Nullable AlertRule rule) {
        AlertRule r = rule == null ? new AlertRule(null, null, null, null, null, null, null, null, null) : rule;
        types.setValue(r.types() == null ? Set.of() : Set.copyOf(r.types()));
        minSeverity.setValue(r.minSeverity());
        minMove.setValue(r.minMovePercent());
        minImpact.setValue(r.minImpact());
        cooldown.setValue(r.cooldownMinutes());
        furtherMove.setValue(r.furtherMovePercent());
        repeat.setValue(r.repeatWhenGrowing() == null ? AS_DEFAULTS : r.repeatWhenGrowing() ? "Yes" : "No");
        quietFrom.setValue(RulesPanel.time(r.quietFrom()));
        quietTo.setValue(RulesPanel.time(r.quietTo()));
    }

    void apply() {
        if (coin.getValue() == null) {
            problem.accept("Choose the coin the override is for.");
            return;
        }
        if (List.<HasValidation>of(minSeverity, minMove, minImpact, cooldown, furtherMove, quietFrom, quietTo)
                .stream().anyMatch(HasValidation::isInvalid)) {
            problem.accept("Check the highlighted fields: numbers of zero or more, times like 22:00.");
            return;
        }
        if (quietFrom.isEmpty() != quietTo.isEmpty()) {
            problem.accept("Quiet hours need both a start and an end (or neither, as the defaults).");
            return;
        }
        var rule = new AlertRule(types.isEmpty() ? null : RulesPanel.TYPES.stream().filter(types.getValue()::contains)
                .toList(), minSeverity.getValue(), minMove.getValue(), minImpact.getValue(),
                RulesPanel.text(quietFrom.getValue()), RulesPanel.text(quietTo.getValue()), cooldown.getValue(),
                furtherMove.getValue(), REPEAT.get(repeat.getValue()));
        if (rule.equals(new AlertRule(null, null, null, null, null, null, null, null, null))) {
            problem.accept("Set at least one thing that differs from the defaults, or remove the coin's override.");
            return;
        }
        apply.accept(coin.getValue().symbol(), rule);
        setVisible(false);
    }
}
