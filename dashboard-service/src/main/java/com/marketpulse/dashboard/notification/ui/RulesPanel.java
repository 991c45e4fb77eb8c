package com.marketpulse.dashboard.notification.ui;

import java.time.LocalTime;
import java.time.ZoneId;
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
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The alert rules: the defaults for every coin (types, minimum severity, move and impact, cooldown, "only again after
 * a further X %", repeat when an episode grows, quiet hours in a time zone) and the per-coin overrides
 * ({@link OverridesList}: added, edited, removed). Saved whole with {@code PUT /api/me/alert-rules}; until then the
 * page says that the overrides changed and are not saved yet.
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
    private final OverridesList overrides;
    private final Span unsaved = new Span("Overrides changed: not saved yet");

    RulesPanel(NotificationClient client, OverrideCoins coins, String token, Consumer<String> problem) {
        this.client = client;
        this.token = token;
        this.problem = problem;
        setPadding(false);
        setId("rules-panel");
        types.setItems(TYPES);
        types.setItemLabelGenerator(RulesPanel::typeLabel);
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
        overrides = new OverridesList(coins, problem, () -> unsaved.setVisible(true));
        var save = new Button("Save rules", click -> save());
        save.setId("rules-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        unsaved.setId("rules-unsaved");
        unsaved.addClassNames(LumoUtility.TextColor.WARNING, LumoUtility.FontSize.SMALL);
        unsaved.setVisible(false);
        var saving = new HorizontalLayout(save, unsaved);
        saving.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(new H3("Alert rules"), form, overrides, saving);
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
        overrides.show(rules.overrides());
        unsaved.setVisible(false);
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
            show(client.saveRules(token, new AlertRules(zone.getValue(), defaults, overrides.current())));
            Notifications.success("Alert rules saved");
        } catch (ApiException e) {
            problem.accept(NotificationProblems.message(e));
        }
    }

    /** {@code PRICE_SPIKE} → {@code Price spike}. */
    static String typeLabel(String type) {
        return type.charAt(0) + type.substring(1).toLowerCase().replace('_', ' ');
    }

    static @Nullable LocalTime time(@Nullable String text) {
        return text == null || text.isBlank() ? null : LocalTime.parse(text);
    }

    static @Nullable String text(@Nullable LocalTime time) {
        return time == null ? null : String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
