package com.marketpulse.dashboard.notification.ui;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.AlertRule;
import com.marketpulse.api.contract.AlertRules;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.NotificationClient;
import com.marketpulse.dashboard.base.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * The alert rules: the defaults for every coin (types, minimum severity, move and impact, cooldown, "only again after
 * a further X %", repeat when an episode grows, quiet hours in a time zone) and the per-coin overrides, listed and
 * removable. Saved whole with {@code PUT /api/me/alert-rules}.
 */
final class RulesPanel extends VerticalLayout {

    static final List<String> TYPES = List.of("PRICE_SPIKE", "VOLUME_ANOMALY", "VOLATILITY_BURST");

    private final NotificationClient client;
    private final String token;
    private final Consumer<String> problem;
    private final CheckboxGroup<String> types = new CheckboxGroup<>("Alert types");
    private final IntegerField minSeverity = new IntegerField("Minimum severity (0-100)");
    private final NumberField minMove = new NumberField("Minimum move (%)");
    private final NumberField minImpact = new NumberField("Minimum impact on my holding ($)");
    private final IntegerField cooldown = new IntegerField("Cooldown per coin and type (minutes)");
    private final NumberField furtherMove = new NumberField("…unless it moved a further (%)");
    private final Checkbox repeat = new Checkbox("Tell me again when an episode grows");
    private final TimePicker quietFrom = new TimePicker("Quiet hours from");
    private final TimePicker quietTo = new TimePicker("Quiet hours to");
    private final ComboBox<String> zone = new ComboBox<>("Time zone");
    private final Grid<Map.Entry<String, AlertRule>> overrides = new Grid<>();
    private final Map<String, AlertRule> overridden = new LinkedHashMap<>();

    RulesPanel(NotificationClient client, String token, Consumer<String> problem) {
        this.client = client;
        this.token = token;
        this.problem = problem;
        setPadding(false);
        setId("rules-panel");
        types.setItems(TYPES);
        types.setItemLabelGenerator(type -> type.charAt(0) + type.substring(1).toLowerCase().replace('_', ' '));
        types.setId("rules-types");
        minSeverity.setId("rules-min-severity");
        minSeverity.setMin(0);
        minSeverity.setMax(100);
        minMove.setId("rules-min-move");
        minMove.setMin(0);
        minImpact.setId("rules-min-impact");
        minImpact.setMin(0);
        cooldown.setId("rules-cooldown");
        cooldown.setMin(0);
        furtherMove.setId("rules-further-move");
        furtherMove.setMin(0);
        repeat.setId("rules-repeat");
        quietFrom.setId("rules-quiet-from");
        quietTo.setId("rules-quiet-to");
        zone.setId("rules-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        var form = new FormLayout(types, minSeverity, minMove, minImpact, cooldown, furtherMove, quietFrom, quietTo,
                zone, repeat);
        form.setColspan(types, 2);
        overrides.setId("rules-overrides");
        overrides.addThemeVariants(GridVariant.ROW_STRIPES);
        overrides.setAllRowsVisible(true);
        overrides.addColumn(Map.Entry::getKey).setHeader("Coin").setAutoWidth(true).setFlexGrow(0);
        overrides.addColumn(entry -> summary(entry.getValue())).setHeader("Differs from the defaults").setFlexGrow(1);
        overrides.addColumn(new ComponentRenderer<>(entry -> {
            var remove = new Button("Remove", click -> {
                overridden.remove(entry.getKey());
                overrides.setItems(new ArrayList<>(overridden.entrySet()));
            });
            remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            return remove;
        })).setAutoWidth(true).setFlexGrow(0);
        overrides.setEmptyStateText("No per-coin overrides.");
        var save = new Button("Save rules", click -> save());
        save.setId("rules-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H3("Alert rules"), form, new H4("Per-coin overrides"), overrides, save);
    }

    void refresh() {
        try {
            show(client.rules(token));
        } catch (ApiException e) {
            problem.accept(NotificationProblems.message(e));
        }
    }

    void show(AlertRules rules) {
        AlertRule d = rules.defaults();
        if (d != null) {
            types.setValue(d.types() == null ? Set.copyOf(TYPES) : Set.copyOf(d.types()));
            minSeverity.setValue(d.minSeverity());
            minMove.setValue(d.minMovePercent());
            minImpact.setValue(d.minImpact());
            cooldown.setValue(d.cooldownMinutes());
            furtherMove.setValue(d.furtherMovePercent());
            repeat.setValue(Boolean.TRUE.equals(d.repeatWhenGrowing()));
            quietFrom.setValue(time(d.quietFrom()));
            quietTo.setValue(time(d.quietTo()));
        }
        zone.setValue(rules.timeZone() == null ? "UTC" : rules.timeZone());
        overridden.clear();
        overridden.putAll(rules.overrides());
        overrides.setItems(new ArrayList<>(overridden.entrySet()));
    }

    private void save() {
        if (minSeverity.isInvalid() || minMove.isInvalid() || minImpact.isInvalid() || cooldown.isInvalid()
                || furtherMove.isInvalid()) {
            problem.accept("Check the highlighted fields: numbers of zero or more.");
            return;
        }
        var defaults = new AlertRule(TYPES.stream().filter(types.getValue()::contains).toList(),
                minSeverity.getValue(), minMove.getValue(), minImpact.getValue(), text(quietFrom.getValue()),
                text(quietTo.getValue()), cooldown.getValue(), furtherMove.getValue(), repeat.getValue());
        try {
            show(client.saveRules(token, new AlertRules(zone.getValue(), defaults, Map.copyOf(overridden))));
            Notifications.success("Alert rules saved");
        } catch (ApiException e) {
            problem.accept(NotificationProblems.message(e));
        }
    }

    private static @Nullable LocalTime time(@Nullable String text) {
        return text == null || text.isBlank() ? null : LocalTime.parse(text);
    }

    private static @Nullable String text(@Nullable LocalTime time) {
        return time == null ? null : String.format("%02d:%02d", time.getHour(), time.getMinute());
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
