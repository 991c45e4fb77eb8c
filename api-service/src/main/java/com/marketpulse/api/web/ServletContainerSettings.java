package com.marketpulse.api.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets Tomcat pass encoded slashes ({@code %2F}, {@code %5C}) on instead of refusing them with its own HTML page, so
 * that Spring Security's firewall refuses them and the refusal is a problem document like every other.
 */
@Configuration(proxyBeanMethods = false)
class ServletContainerSettings {

    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        };
    }
}
