package com.marketpulse.dashboard.backtest.ui;

import org.jspecify.annotations.Nullable;

import com.marketpulse.dashboard.backtest.DetectorSettings;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;

/** The optional detector settings of a run; an empty field keeps the live value. */
final class SettingsFields extends Details {

    private final NumberField moveSigmas = number("move-sigmas", "Move, in σ of the usual move", 0.1);
    private final NumberField volumeMultiple = number("volume-multiple", "Traded value, × usual", 0.1);
    private final NumberField volatilityMultiple = number("volatility-multiple", "Volatility, × usual", 0.1);
    private final IntegerField cooldown = new IntegerField("Cooldown (minutes)");
    private final NumberField minMove1m = number("min-move-1m", "Minimum move in 1 min (%)", 0.1);
    private final NumberField minMove5m = number("min-move-5m", "Minimum move in 5 min (%)", 0.1);
    private final NumberField minMove15m = number("min-move-15m", "Minimum move in 15 min (%)", 0.1);
    private final NumberField minNotional5m = number("min-notional-5m", "Minimum traded in 5 min ($)", 1000);
    private final NumberField minVolatility10m = number("min-volatility-10m", "Minimum volatility in 10 min (%)", 0.1);

    SettingsFields() {
        super("Detector settings (empty: the live ones)");
        setId("backtest-settings");
        cooldown.setId("cooldown");
        cooldown.setMin(1);
        cooldown.setMax(24 * 60);
        var form = new FormLayout(moveSigmas, volumeMultiple, volatilityMultiple, cooldown, minMove1m, minMove5m,
                minMove15m, minNotional5m, minVolatility10m);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 3));
        add(form);
    }

    private static NumberField number(String id, String label, double step) {
        var field = new NumberField(label);
        field.setId(id);
        field.setMin(0);
        field.setStep(step);
        field.setClearButtonVisible(true);
        return field;
    }

    DetectorSettings value() {
        return new DetectorSettings(moveSigmas.getValue(), volumeMultiple.getValue(), volatilityMultiple.getValue(),
                cooldown.getValue(), minMove1m.getValue(), minMove5m.getValue(), minMove15m.getValue(),
                minNotional5m.getValue(), minVolatility10m.getValue());
    }

    /** Whether every field holds a number it can (an unparsable entry is not silently dropped). */
    @Nullable String invalid() {
        for (var field : new com.vaadin.flow.component.textfield.AbstractNumberField<?, ?>[] {moveSigmas,
                volumeMultiple, volatilityMultiple, cooldown, minMove1m, minMove5m, minMove15m, minNotional5m,
                minVolatility10m}) {
            if (field.isInvalid()) {
                return "Check the field '" + field.getLabel() + "'.";
            }
        }
        return null;
    }
}
