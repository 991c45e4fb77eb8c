package com.marketpulse.dashboard.notification.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.Channel;
import com.marketpulse.api.contract.DeliveryLogEntry;
import com.marketpulse.api.contract.Snooze;
import com.marketpulse.dashboard.api.ApiClient;
import com.marketpulse.dashboard.api.ApiException;
import com.marketpulse.dashboard.api.NotificationClient;
import com.marketpulse.dashboard.base.Periodic;
import com.marketpulse.dashboard.base.ui.Notifications;
import com.marketpulse.dashboard.base.ui.UiAccess;
import com.marketpulse.dashboard.security.CurrentUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * Notifications: where alerts reach the user (channels: add, enable or disable, remove, send a test alert), what
 * reaches them (alert rules with per-coin overrides, snoozed coins) and what was sent (the delivery log, refreshed
 * every few seconds while the page is open, with the channels and snoozes, so a test alert's outcome, a channel
 * paused for failing and a coin snoozed from another tab show without a reload).
 */
@Route("notifications")
@PageTitle("Notifications · MarketPulse")
@Menu(order = 1.5, title = "Notifications", icon = "vaadin:bell")
@PermitAll
public class NotificationsView extends Main {

    static final Duration REFRESH = Duration.ofSeconds(2);
    static final int LOG_SIZE = 50;

    private final NotificationClient client;
    private final String token;
    private final Div message = new Div();
    private final ChannelsPanel channels;
    private final RulesPanel rules;
    private final SnoozesPanel snoozes;
    private final DeliveryLogGrid log = new DeliveryLogGrid();
    private List<Channel> shownChannels = List.of();
    private List<DeliveryLogEntry> shownLog = List.of();
    private List<Snooze> shownSnoozes = List.of();
    private @Nullable Periodic refresh;

    public NotificationsView(NotificationClient client, ApiClient api, CurrentUser currentUser) {
        this.client = client;
        this.token = currentUser.session().token();
        setId("notifications-view");
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.SMALL, LumoUtility.BoxSizing.BORDER);
        message.setId("notifications-message");
        message.getElement().setAttribute("role", "alert");
        message.addClassNames(LumoUtility.TextColor.ERROR);
        channels = new ChannelsPanel(client, token, this::showProblem);
        rules = new RulesPanel(client, new OverrideCoins(api, token), token, this::showProblem);
        snoozes = new SnoozesPanel(client, token, this::showProblem, Clock.systemUTC());
        add(new H2("Notifications"), message, channels, snoozes, new H3("Delivery log"), log, rules);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        ui.getPage().retrieveExtendedClientDetails(details -> {
            try {
                log.setZone(ZoneId.of(details.getTimeZoneId()));
                snoozes.setZone(ZoneId.of(details.getTimeZoneId()));
            } catch (RuntimeException e) {
                // an unknown zone name: times stay in UTC
            }
        });
        rules.refresh();
        refresh = Periodic.start("notifications", REFRESH, () -> poll(ui));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (refresh != null) {
            refresh.close();
            refresh = null;
        }
    }

    private void poll(UI ui) {
        try {
            var channelList = client.channels(token);
            var entries = client.deliveries(token, 0, LOG_SIZE).items();
            var snoozed = client.snoozes(token);
            UiAccess.run(ui, () -> show(channelList, entries, snoozed));
        } catch (ApiException e) {
            UiAccess.run(ui, () -> showProblem(NotificationProblems.message(e)));
        }
    }

    private void show(List<Channel> channelList, List<DeliveryLogEntry> entries, List<Snooze> snoozed) {
        // unchanged lists are not re-rendered: the rows' buttons would be replaced under the person's pointer
        if (!channelList.equals(shownChannels)) {
            shownChannels = channelList;
            channels.show(channelList);
        }
        if (!snoozed.equals(shownSnoozes)) {
            shownSnoozes = snoozed;
            snoozes.show(snoozed);
        }
        if (!entries.equals(shownLog)) {
            shownLog = entries;
            log.show(entries);
        }
        message.setText("");
    }

    private void showProblem(String problem) {
        message.setText(problem);
        Notifications.error(problem);
    }
}
