package com.marketpulse.dashboard.alert.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.ObjIntConsumer;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.dashboard.alert.Snoozes;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * An alert row's snooze: "Snooze" opens a menu of the times offered (and "End snooze" while the coin is snoozed); below, until
 * when the coin is snoozed. Kept across re-renders of the row ({@link #show}), so an open menu stays open while the
 * page refreshes the "… ago" times.
 */
final class SnoozeCell extends Div {

    private final AlertDto alert;
    private final Span until = new Span();
    private final MenuItem end;

    SnoozeCell(AlertDto alert, ObjIntConsumer<AlertDto> snooze) {
        this.alert = alert;
        String id = "snooze-" + alert.id();
        // a button with a menu rather than a MenuBar: in a grid cell a MenuBar folds its one item into "…"
        var button = new Button("Snooze", VaadinIcon.ANGLE_DOWN.create());
        button.setIconAfterText(true);
        button.setId(id);
        button.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        button.setTooltipText("No alert of " + alert.symbol() + " reaches your channels or this browser for a while");
        var menu = new ContextMenu(button);
        menu.setOpenOnClick(true);
        for (Snoozes.Choice choice : Snoozes.Choice.values()) {
            menu.addItem(choice.label(), click -> snooze.accept(alert, choice.minutes()))
                    .setId(id + "-" + choice.minutes());
        }
        end = menu.addItem("End snooze", click -> snooze.accept(alert, 0));
        end.setId(id + "-end");
        until.addClassNames("snoozed-until", LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY,
                LumoUtility.Display.BLOCK);
        add(button, until);
    }

    AlertDto alert() {
        return alert;
    }

    /** Whether and until when the alert's coin is snoozed, in the reader's zone. */
    SnoozeCell show(Optional<Instant> snoozedUntil, Instant now, ZoneId zone) {
        until.setText(snoozedUntil.map(time -> Snoozes.untilText(time, now, zone)).orElse(""));
        until.setVisible(snoozedUntil.isPresent());
        end.setVisible(snoozedUntil.isPresent());
        return this;
    }
}
