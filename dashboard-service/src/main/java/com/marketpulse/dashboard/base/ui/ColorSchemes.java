package com.marketpulse.dashboard.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.VaadinSession;

/** The light/dark choice, kept for the session (every page of it) and applied to the current page. */
final class ColorSchemes {

    private static final String ATTRIBUTE = ColorSchemes.class.getName();

    private ColorSchemes() {
    }

    /** Applies the session's choice (light unless the person chose dark) and shows what a click switches to. */
    static void apply(Button toggle) {
        show(toggle, current());
    }

    static void toggle(Button toggle) {
        var next = current() == ColorScheme.Value.DARK ? ColorScheme.Value.LIGHT : ColorScheme.Value.DARK;
        VaadinSession.getCurrent().setAttribute(ATTRIBUTE, next);
        show(toggle, next);
    }

    private static ColorScheme.Value current() {
        var session = VaadinSession.getCurrent();
        var chosen = session == null ? null : session.getAttribute(ATTRIBUTE);
        return chosen instanceof ColorScheme.Value value ? value : ColorScheme.Value.LIGHT;
    }

    private static void show(Button toggle, ColorScheme.Value scheme) {
        UI.getCurrentOrThrow().getPage().setColorScheme(scheme);
        toggle.setIcon(scheme == ColorScheme.Value.DARK ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        toggle.getElement().setAttribute("data-scheme", scheme.getValue());
    }
}
