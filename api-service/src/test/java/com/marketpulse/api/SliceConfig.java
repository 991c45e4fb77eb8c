package com.marketpulse.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import com.marketpulse.settings.SettingsRegistrar;

/** What a web slice needs beyond the web layer: the bound configuration and the shared settings. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarketPulseProperties.class)
@Import(SettingsRegistrar.class)
class SliceConfig {
}
