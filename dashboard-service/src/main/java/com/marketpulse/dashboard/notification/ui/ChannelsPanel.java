package com.marketpulse.dashboard.notification.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.marketpulse.api.contract.Channel;
import com.marketpulse.api.contract.ChannelCreated;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.NotificationClient;
import com.marketpulse.dashboard.base.ui.Notifications;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The user's channels (type, name, target, enabled, paused after failing) with their actions, and the form to add
 * one: type + target + name, whatever the type (each type's extra fields come from the API's answer). A webhook's
 * secret is shown once, right after creation; the API never returns it again.
 */
final class ChannelsPanel extends VerticalLayout {

    static final List<String> TYPES = List.of("WEBHOOK", "EMAIL", "TELEGRAM");

    private final NotificationClient client;
    private final String token;
    private final Consumer<String> problem;
    private final Grid<Channel> grid = new Grid<>();
    private final Select<String> type = new Select<>();
    private final TextField name = new TextField("Name");
    private final TextField target = new TextField("Target");
    private final Div secretBox = new Div();

    ChannelsPanel(NotificationClient client, String token, Consumer<String> problem) {
        this.client = client;
        this.token = token;
        this.problem = problem;
        setPadding(false);
        setId("channels-panel");
        grid.setId("channels-grid");
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(channel -> channel.type().toLowerCase(Locale.ROOT)).setHeader("Type").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Channel::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(channel -> channel.target() == null ? "" : channel.target()).setHeader("Target").setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(ChannelsPanel::status)).setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No channels yet: add one below.");
        add(new H3("Channels"), grid, form(), secretBox);
    }

    void show(List<Channel> channels) {
        grid.setItems(channels);
    }

    void refresh() {
        try {
            show(client.channels(token));
        } catch (ApiException e) {
            problem.accept(NotificationProblems.message(e));
        }
    }

    private HorizontalLayout form() {
        type.setLabel("Type");
        type.setId("channel-type");
        type.setItems(TYPES);
        type.setItemLabelGenerator(t -> t.charAt(0) + t.substring(1).toLowerCase(Locale.ROOT));
        type.setValue("WEBHOOK");
        type.addValueChangeListener(change -> target.setPlaceholder(placeholder(change.getValue())));
        target.setId("channel-target");
        target.setPlaceholder(placeholder("WEBHOOK"));
        target.setMinWidth("18em");
        name.setId("channel-name");
        var add = new Button("Add channel", click -> create());
        add.setId("channel-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new HorizontalLayout(type, target, name, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private static String placeholder(String type) {
        return switch (type == null ? "" : type) {
            case "WEBHOOK" -> "https://example.com/marketpulse";
            case "EMAIL" -> "you@example.com";
            default -> "(none: linked through the bot)";
        };
    }

    private void create() {
        try {
            ChannelCreated created = client.create(token, type.getValue(), name.getValue(), target.getValue());
            target.clear();
            name.clear();
            showOnce(created);
            Notifications.success("Channel added: " + created.channel().name());
            refresh();
        } catch (ApiException e) {
            problem.accept(NotificationProblems.message(e));
        }
    }

    /** The secret, this once: it is not kept by the page and the API never returns it again. */
    private void showOnce(ChannelCreated created) {
        secretBox.removeAll();
        if (created.secret() == null) {
            return;
        }
        var secret = new Span(created.secret());
        secret.setId("channel-secret");
        secret.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        secret.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        var hint = new Paragraph("The signing secret of \"" + created.channel().name() + "\". Copy it now: it is "
                + "not shown again. Your receiver checks X-MarketPulse-Signature: sha256=HMAC-SHA256(secret, "
                + "timestamp + \".\" + body).");
        var done = new Button("I have copied it", click -> secretBox.removeAll());
        done.setId("channel-secret-done");
        var box = new VerticalLayout(hint, secret, done);
        box.setId("channel-secret-box");
        box.addClassNames(LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
        secretBox.add(box);
    }

    static Badge status(Channel channel) {
        Badge badge;
        if (channel.paused()) {
            badge = new Badge("Paused: failing");
            badge.addThemeVariants(BadgeVariant.ERROR, BadgeVariant.FILLED);
            badge.getElement().setAttribute("title", "delivery-service paused it after failing again and again; "
                    + "fix the receiver, then enable it again");
        } else if (channel.enabled() && channel.type().equals("EMAIL") && channel.confirmedAt() == null) {
            badge = new Badge("Awaiting confirmation");
            badge.addThemeVariants(BadgeVariant.WARNING);
            badge.getElement().setAttribute("title", "Follow the link mailed to the address: nothing is sent to it "
                    + "before");
        } else if (channel.enabled()) {
            badge = new Badge("Enabled");
            badge.addThemeVariants(BadgeVariant.SUCCESS);
        } else {
            badge = new Badge("Disabled");
            badge.addThemeVariants(BadgeVariant.CONTRAST);
        }
        badge.setId("channel-status-" + channel.id());
        return badge;
    }

    private HorizontalLayout actions(Channel channel) {
        var test = new Button("Send test alert", click -> test(channel));
        test.setId("channel-test-" + channel.id());
        test.addThemeVariants(ButtonVariant.SMALL);
        boolean resume = channel.paused() || !channel.enabled();
        var toggle = new Button(resume ? "Enable" : "Disable", click -> setEnabled(channel, resume));
        toggle.setId("channel-toggle-" + channel.id());
        toggle.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        var remove = new Button("Remove", click -> remove(channel));
        remove.setId("channel-remove-" + channel.id());
        remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        return new HorizontalLayout(test, toggle, remove);
    }

    private void test(Channel channel) {
        try {
            client.test(token, channel.id());
            Notifications.info("Test alert on its way to " + channel.name() + ": see the delivery log");
        } catch (ApiException e) {
            problem.accept(NotificationProblems.message(e));
        }
    }

    private void setEnabled(Channel channel, boolean enabled) {
        try {
            client.setEnabled(token, channel.id(), enabled);
            refresh();
        } catch (ApiException e) {
            problem.accept(NotificationProblems.message(e));
        }
    }

    private void remove(Channel channel) {
        try {
            client.remove(token, channel.id());
            Notifications.success("Channel removed: " + channel.name());
            refresh();
        } catch (ApiException e) {
            problem.accept(NotificationProblems.message(e));
        }
    }
}
