package com.marketpulse.dashboard.base.ui;

import com.marketpulse.dashboard.security.CurrentUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/** The frame around every page behind the login: title, navigation from {@code @Menu}, user and logout. */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    MainLayout(CurrentUser currentUser) {
        setPrimarySection(Section.DRAWER);
        var title = new Span("MarketPulse");
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE);
        var header = new HorizontalLayout(new DrawerToggle(), title);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassNames(LumoUtility.Padding.End.MEDIUM);
        var spacer = new Div();
        header.addAndExpand(spacer);
        header.add(themeToggle(), userBox(currentUser));
        addToNavbar(header);
        addToDrawer(navigation());
    }

    private static SideNav navigation() {
        var nav = new SideNav();
        nav.addClassNames(LumoUtility.Margin.Horizontal.MEDIUM, LumoUtility.Margin.Top.MEDIUM);
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private static SideNavItem item(MenuEntry entry) {
        return entry.icon() == null
                ? new SideNavItem(entry.title(), entry.path())
                : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
    }

    private static Button themeToggle() {
        var toggle = new Button();
        toggle.setId("theme-toggle");
        toggle.addThemeVariants(ButtonVariant.TERTIARY);
        toggle.setAriaLabel("Switch between light and dark theme");
        toggle.setTooltipText("Light or dark theme");
        ColorSchemes.apply(toggle);
        toggle.addClickListener(click -> ColorSchemes.toggle(toggle));
        return toggle;
    }

    private static HorizontalLayout userBox(CurrentUser currentUser) {
        var name = new Span(currentUser.session().username());
        name.setId("current-user");
        // on a phone the name gives way so that the logout button stays on screen
        name.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Display.HIDDEN,
                LumoUtility.Display.Breakpoint.Small.INLINE);
        var logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> currentUser.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.TERTIARY);
        var box = new HorizontalLayout(name, logout);
        box.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return box;
    }
}
