package com.marketpulse.dashboard.portfolio.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.marketpulse.api.contract.Portfolio;
import com.marketpulse.api.contract.SymbolQuote;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.base.ui.Notifications;
import com.marketpulse.dashboard.security.CurrentUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/** My portfolio: which of the configured coins the user holds and, optionally, how much of each. */
@Route("portfolio")
@PageTitle("My portfolio · MarketPulse")
@Menu(order = 1, title = "My portfolio", icon = "vaadin:wallet")
@PermitAll
public class PortfolioView extends Main {

    private final ApiClient api;
    private final String token;
    private final VerticalLayout rows = new VerticalLayout();
    private final Map<String, Row> bySymbol = new LinkedHashMap<>();

    public PortfolioView(ApiClient api, CurrentUser currentUser) {
        this.api = api;
        this.token = currentUser.session().token();
        setId("portfolio-view");
        addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
        var hint = new Paragraph("Tick the coins you hold. The amount is optional: with it, your dashboard shows "
                + "what your holding is worth.");
        hint.addClassNames(LumoUtility.TextColor.SECONDARY);
        rows.setPadding(false);
        var save = new Button("Save portfolio", click -> save());
        save.setId("portfolio-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H2("My portfolio"), hint, rows, save);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        rows.removeAll();
        bySymbol.clear();
        try {
            var symbols = new TreeSet<String>();
            api.symbols(token).stream().map(SymbolQuote::symbol).forEach(symbols::add);
            Portfolio portfolio = api.portfolio(token);
            symbols.addAll(portfolio.symbols());
            for (String symbol : symbols) {
                var row = new Row(symbol, portfolio.symbols().contains(symbol), portfolio.quantities().get(symbol));
                bySymbol.put(symbol, row);
                rows.add(row);
            }
        } catch (ApiException e) {
            Notifications.error("Could not load your portfolio: " + e.userMessage());
        }
    }

    private void save() {
        List<String> held = new ArrayList<>();
        Map<String, Double> quantities = new LinkedHashMap<>();
        for (Row row : bySymbol.values()) {
            if (row.quantity.isInvalid()) {
                Notifications.error("The amount of " + row.symbol + " must be zero or more.");
                return;
            }
            if (row.held.getValue()) {
                held.add(row.symbol);
                if (row.quantity.getValue() != null) {
                    quantities.put(row.symbol, row.quantity.getValue());
                }
            }
        }
        try {
            api.savePortfolio(token, new Portfolio(held, quantities));
            Notifications.success(held.isEmpty() ? "Portfolio cleared" : "Portfolio saved");
        } catch (ApiException e) {
            Notifications.error("Your portfolio was not saved. " + e.userMessage());
        }
    }

    private static final class Row extends FlexLayout {

        private final String symbol;
        private final Checkbox held;
        private final NumberField quantity = new NumberField();

        Row(String symbol, boolean isHeld, Double amount) {
            this.symbol = symbol;
            String id = symbol.replace('/', '-');
            held = new Checkbox(symbol, isHeld);
            held.setId("held-" + id);
            held.setWidth("8em");
            quantity.setId("quantity-" + id);
            quantity.setPlaceholder("amount (optional)");
            quantity.setMin(0);
            quantity.setStepButtonsVisible(false);
            quantity.setValue(amount);
            quantity.setEnabled(isHeld);
            quantity.setAriaLabel("Amount of " + symbol);
            held.addValueChangeListener(change -> {
                quantity.setEnabled(change.getValue());
                if (!change.getValue()) {
                    quantity.clear();
                }
            });
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setFlexWrap(FlexWrap.WRAP);
            addClassNames(LumoUtility.Gap.MEDIUM);
            add(held, quantity);
        }
    }
}
