package com.marketpulse.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

/** What a web slice needs beyond the web layer: the bound configuration. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarketPulseProperties.class)
class SliceConfig {
}
