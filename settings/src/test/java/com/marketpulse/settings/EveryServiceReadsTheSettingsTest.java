package com.marketpulse.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.yaml.snakeyaml.Yaml;

/**
 * A setting stated in the deployment's file reaches every service that creates topics or reads the shared settings:
 * each imports the defaults before the file (its own application.yml), registers the settings (its application
 * class), and so binds what {@link Settings#load} reads. A new setting is one record component and one line in
 * marketpulse-defaults.yml ({@link SettingsTest}); nothing per service.
 */
class EveryServiceReadsTheSettingsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ingestion-service", "feature-service", "detection-service", "api-service"})
    void aSettingInTheDeploymentFileReachesTheService(String service) throws IOException {
        Path module = Path.of("..", service);
        String imports = configImport(module.resolve("src/main/resources/application.yml"));
        assertThat(imports).as(service + " imports the defaults first, then the deployment's file")
                .startsWith("classpath:" + Settings.DEFAULTS + ",").contains("MARKETPULSE_CONFIG");
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            assertThat(sources.filter(p -> p.toString().endsWith("Application.java")).findFirst().map(EveryServiceReadsTheSettingsTest::read))
                    .as(service + " registers the shared settings").hasValueSatisfying(
                            source -> assertThat(source).contains("@Import(SettingsRegistrar.class)"));
        }

        Path file = dir.resolve("marketpulse.yml");
        Files.writeString(file, "marketpulse:\n  kafka:\n    partitions: 7\n  symbols: [DOGE/USD]\n");
        try (var context = new SpringApplicationBuilder(Service.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(Map.of("spring.config.import", imports, "MARKETPULSE_CONFIG", file.toString()))
                .run()) {
            MarketPulseSettings bound = context.getBean(MarketPulseSettings.class);

            assertThat(bound).isEqualTo(Settings.load(file));
            assertThat(bound.kafka().partitions()).isEqualTo(7);
            assertThat(bound.symbols()).isEqualTo(List.of("DOGE/USD"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(SettingsRegistrar.class)
    static class Service {
    }

    @SuppressWarnings("unchecked")
    private static String configImport(Path applicationYml) throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(applicationYml));
        Map<String, Object> spring = (Map<String, Object>) yaml.get("spring");
        return String.valueOf(spring.get("config.import"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
