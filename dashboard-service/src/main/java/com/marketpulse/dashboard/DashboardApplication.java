package com.marketpulse.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The dashboard service. Server push carries new alerts to open pages (WebSocket for pushes, XHR for
 * requests, so that Spring Security sees a normal HTTP request at logout).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@PWA(name = "MarketPulse", shortName = "MarketPulse", offlineResources = {})
public class DashboardApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(DashboardApplication.class, args);
    }
}
