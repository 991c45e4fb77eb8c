package com.marketpulse.dashboard.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

/** Pushes a change from a background thread onto a page that may have been closed meanwhile. */
public final class UiAccess {

    private UiAccess() {
    }

    /** Runs {@code command} with the UI locked (and pushed); does nothing when the page is gone. */
    public static void run(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            // the page was closed; its feeds are being closed on detach
        }
    }
}
