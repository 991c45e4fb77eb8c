package com.marketpulse.settings;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Registers {@link MarketPulseSettings}, bound from the application's environment, as a bean: a service imports it
 * ({@code @Import(SettingsRegistrar.class)}) and imports {@value Settings#DEFAULTS} before its configuration file.
 */
public final class SettingsRegistrar implements BeanRegistrar {

    @Override
    public void register(BeanRegistry registry, Environment environment) {
        registry.registerBean("marketPulseSettings", MarketPulseSettings.class,
                spec -> spec.supplier(context -> Settings.bind(Binder.get(environment))));
    }
}
