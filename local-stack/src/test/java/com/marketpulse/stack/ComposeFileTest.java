package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The deployment rules of {@code docker/compose.yaml} (issue 13), read from the file itself: nothing reachable beyond
 * this host unless the operator asks, no password or key with a default, each service on its own database role,
 * healthchecks with ordered start-up, memory limits, the demo off and the API's signing key out of the shared volume.
 */
class ComposeFileTest {

    private static final Set<String> APP_SERVICES = Set.of("ingestion-service", "feature-service", "detection-service",
            "api-service", "dashboard-service", "delivery-service");
    /** What an operator must set: compose refuses to start without each. */
    private static final Map<String, String> SECRETS = Map.of(
            "MARKETPULSE_DB_SUPERUSER_PASSWORD", "superuser-secret",
            DatabaseRoles.DETECTION_PASSWORD, "detection-secret",
            DatabaseRoles.API_PASSWORD, "api-secret",
            DatabaseRoles.DELIVERY_PASSWORD, "delivery-secret",
            "MARKETPULSE_TOKEN_SECRET", "a-token-signing-key-of-at-least-32-bytes",
            "MARKETPULSE_CLIENT_ADDRESS_SECRET", "a-client-address-key-of-at-least-32-bytes");
    private static final String LOCALHOST = "127.0.0.1";

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void everyPortIsPublishedOnLocalhostAndOnlyTheDashboardAndApiFollowTheBindAddress() {
        assertThat(hostAddresses(SECRETS)).allSatisfy((port, address) -> assertThat(address).as(port)
                .isEqualTo(LOCALHOST));

        Map<String, String> exposed = new HashMap<>(SECRETS);
        exposed.put("MARKETPULSE_BIND_ADDRESS", "0.0.0.0");
        Map<String, String> addresses = hostAddresses(exposed);
        assertThat(addresses).containsEntry("dashboard-service 8080", "0.0.0.0").containsEntry("api-service 8000",
                "0.0.0.0");
        addresses.remove("dashboard-service 8080");
        addresses.remove("api-service 8000");
        assertThat(addresses).containsKeys("kafka 9092", "postgres 5432")
                .allSatisfy((port, address) -> assertThat(address).as(port).isEqualTo(LOCALHOST));
    }

    @Test
    void composeRefusesToStartWithoutEachPasswordAndTheTokenKey() {
        for (String secret : SECRETS.keySet()) {
            Map<String, String> withoutIt = new HashMap<>(SECRETS);
            withoutIt.put(secret, "");
            assertThatExceptionOfType(ComposeFile.MissingVariable.class).as(secret)
                    .isThrownBy(() -> interpolateEverything(withoutIt))
                    .satisfies(missing -> assertThat(missing.variable()).isEqualTo(secret));
        }
        interpolateEverything(SECRETS);
    }

    @Test
    void noPasswordOrKeyHasADefault() {
        compose.services().forEach((name, service) -> ComposeFile.environment(service).forEach((key, value) -> {
            if (key.matches(".*(PASSWORD|SECRET).*") && value != null) {
                assertThat(value.toString()).as("%s %s", name, key).doesNotContain(":-").matches("\\$\\{\\w+:\\?[^}]+}");
            }
        }));
    }

    @Test
    void eachServiceConnectsToPostgresWithItsOwnRoleNeverTheSuperuser() {
        Map<String, Object> postgres = compose.service("postgres");
        Map<String, Object> detection = ComposeFile.environment(compose.service("detection-service"));
        Map<String, Object> api = ComposeFile.environment(compose.service("api-service"));
        Map<String, Object> delivery = ComposeFile.environment(compose.service("delivery-service"));

        assertThat(delivery).containsEntry("SPRING_DATASOURCE_USERNAME", Service.DELIVERY.databaseRole().orElseThrow());
        assertThat(String.valueOf(delivery.get("SPRING_DATASOURCE_PASSWORD")))
                .contains(DatabaseRoles.DELIVERY_PASSWORD);
        assertThat(detection).containsEntry("SPRING_DATASOURCE_USERNAME", Service.DETECTION.databaseRole().orElseThrow());
        assertThat(api).containsEntry("SPRING_DATASOURCE_USERNAME", Service.API.databaseRole().orElseThrow());
        assertThat(String.valueOf(detection.get("SPRING_DATASOURCE_PASSWORD")))
                .contains(DatabaseRoles.DETECTION_PASSWORD);
        assertThat(String.valueOf(api.get("SPRING_DATASOURCE_PASSWORD"))).contains(DatabaseRoles.API_PASSWORD);
        assertThat(ComposeFile.environment(postgres).get("POSTGRES_USER"))
                .isNotIn(detection.get("SPRING_DATASOURCE_USERNAME"), api.get("SPRING_DATASOURCE_USERNAME"));
        // the superuser creates the roles on first start with the script the local stack runs (DatabaseRolesIT)
        assertThat(ComposeFile.environment(postgres)).containsKeys(DatabaseRoles.DETECTION_PASSWORD,
                DatabaseRoles.API_PASSWORD, DatabaseRoles.DELIVERY_PASSWORD);
        assertThat(ComposeFile.strings(postgres.get("volumes"))).contains(
                "./postgres/marketpulse-roles.sql:/docker-entrypoint-initdb.d/10-marketpulse-roles.sql:ro");
        compose.services().forEach((name, service) -> {
            if (!Set.of("detection-service", "api-service", "delivery-service").contains(name)) {
                assertThat(ComposeFile.environment(service)).as(name).doesNotContainKey("SPRING_DATASOURCE_USERNAME");
            }
        });
    }

    @Test
    void deliveryServiceTakesTheSmtpSettingsFromTheOperatorOrNone() {
        Map<String, Object> delivery = ComposeFile.environment(compose.service("delivery-service"));
        for (String setting : List.of("HOST", "PORT", "USERNAME", "PASSWORD", "FROM", "STARTTLS")) {
            // passed through from the environment or docker/.env when set, unset otherwise (email is then off)
            assertThat(delivery).as(setting).containsKey("MARKETPULSE_DELIVERY_EMAIL_" + setting);
            assertThat(delivery.get("MARKETPULSE_DELIVERY_EMAIL_" + setting)).as(setting).isNull();
        }
        assertThat(ComposeFile.interpolate(String.valueOf(delivery.get("MARKETPULSE_PUBLIC_URL")), Map.of()))
                .isEqualTo("http://localhost:8000");
    }

    @Test
    void theDemoAccountIsOffUnlessTheOperatorAsks() {
        String demo = String.valueOf(ComposeFile.environment(compose.service("api-service")).get("MARKETPULSE_DEMO"));
        assertThat(ComposeFile.interpolate(demo, Map.of())).isEqualTo("false");
        assertThat(ComposeFile.interpolate(demo, Map.of("MARKETPULSE_DEMO", "true"))).isEqualTo("true");
    }

    @Test
    void theTokenSigningKeyIsReadableByTheApiAlone() {
        Map<String, Object> api = compose.service("api-service");
        List<String> apiVolumes = ComposeFile.strings(api.get("volumes"));
        assertThat(apiVolumes).noneMatch(volume -> volume.startsWith("marketpulse-data:"));
        compose.services().forEach((name, service) -> {
            if (!name.equals("api-service")) {
                assertThat(ComposeFile.environment(service)).as(name).doesNotContainKey("MARKETPULSE_TOKEN_SECRET");
                List<String> volumes = ComposeFile.strings(service.get("volumes"));
                apiVolumes.stream().filter(volume -> volume.endsWith(":/data")).forEach(data ->
                        assertThat(volumes).as("%s shares the API's %s", name, data).doesNotContain(data));
            }
        });
        assertThat(ComposeFile.environment(api).get("MARKETPULSE_TOKEN_SECRET").toString())
                .startsWith("${MARKETPULSE_TOKEN_SECRET:?");
    }

    @Test
    void everyAppServiceHasAHealthcheckOnItsOwnPort() {
        for (String name : APP_SERVICES) {
            Map<String, Object> service = compose.service(name);
            assertThat(service).as(name).containsKey("healthcheck");
            List<String> test = ComposeFile.strings(((Map<?, ?>) service.get("healthcheck")).get("test"));
            String port = ComposeFile.strings(service.get("ports")).getFirst().replaceAll(".*:", "");
            assertThat(test).as(name).startsWith("CMD").endsWith(port);
        }
    }

    @Test
    void everyServiceWaitsForItsDependenciesToBeHealthyOrDone() {
        compose.services().forEach((name, service) -> {
            Map<?, ?> dependsOn = service.get("depends_on") instanceof Map<?, ?> map ? map : Map.of();
            dependsOn.forEach((dependency, how) -> {
                String condition = String.valueOf(((Map<?, ?>) how).get("condition"));
                if (compose.service(dependency.toString()).containsKey("healthcheck")) {
                    assertThat(condition).as("%s on %s", name, dependency).isEqualTo("service_healthy");
                } else {
                    assertThat(condition).as("%s on the one-shot %s", name, dependency)
                            .isEqualTo("service_completed_successfully");
                }
            });
        });
        assertThat(dependencies("detection-service")).contains("postgres", "kafka-init");
        assertThat(dependencies("api-service")).contains("postgres", "detection-service", "kafka-init");
        assertThat(dependencies("dashboard-service")).contains("api-service");
        assertThat(dependencies("ingestion-service")).contains("kafka-init");
        assertThat(dependencies("feature-service")).contains("kafka-init");
        assertThat(dependencies("delivery-service")).contains("api-service", "kafka-init");
    }

    @Test
    void deliveryServicesPrivateKeyIsMountedIntoItAloneAndTheApiGetsThePublicOne() {
        compose.services().forEach((name, service) -> {
            List<String> keys = ComposeFile.strings(service.get("volumes")).stream()
                    .filter(volume -> volume.contains("-key.pem")).toList();
            assertThat(keys).as(name).allSatisfy(volume ->
                    assertThat(volume).startsWith("${MARKETPULSE_DELIVERY_KEY_DIR:?").endsWith(":ro"));
            if (name.equals("delivery-service")) {
                assertThat(keys).as(name).hasSize(1).first().asString().contains("/private-key.pem:");
            } else if (name.equals("api-service")) {
                assertThat(keys).as(name).hasSize(1).first().asString().contains("/public-key.pem:");
            } else {
                assertThat(keys).as(name).isEmpty();
            }
        });
    }

    /**
     * {@code docker compose up --scale feature-service=2 --scale detection-service=2}: a fixed host port would be
     * taken by the first replica, and a Kafka Streams state directory on the shared volume locked by it.
     */
    @Test
    void featureAndDetectionServiceScaleOutOnFreeHostPortsWithTheirOwnStreamsState() {
        for (String name : List.of("feature-service", "detection-service")) {
            Map<String, Object> service = compose.service(name);
            assertThat(service).as(name).doesNotContainKey("container_name");
            assertThat(ComposeFile.strings(service.get("ports"))).as("%s: no fixed host port", name)
                    .allSatisfy(port -> assertThat(port.split(":")).as(port).hasSize(3)
                            .satisfies(parts -> assertThat(parts[1]).as(port).isEmpty()));
        }
        String stateDir = String.valueOf(ComposeFile.environment(compose.service("feature-service"))
                .get("SPRING_KAFKA_STREAMS_STATE_DIR"));
        // unset, it would be ${MARKETPULSE_DATA_DIR}/feature-service/streams: on the shared volume
        assertThat(stateDir).as("feature-service's SPRING_KAFKA_STREAMS_STATE_DIR").startsWith("/");
        List<String> volumes = ComposeFile.strings(compose.service("feature-service").get("volumes"));
        assertThat(volumes).as("feature-service's volumes").isNotEmpty();
        volumes.forEach(volume -> assertThat(stateDir).as("the state directory is not on the shared volume %s", volume)
                .doesNotStartWith(volume.split(":")[1]));
    }

    @Test
    void everyContainerHasAMemoryLimit() {
        compose.services().forEach((name, service) -> assertThat(service.get("mem_limit")).as(name).isNotNull()
                .asString().matches("\\d+[mg]"));
    }

    private Set<String> dependencies(String name) {
        Object dependsOn = compose.service(name).get("depends_on");
        return dependsOn instanceof Map<?, ?> map ? new TreeSet<>(map.keySet().stream().map(String::valueOf).toList())
                : Set.of();
    }

    /** "service containerPort" → the host address it is published on, with this environment. */
    private Map<String, String> hostAddresses(Map<String, String> environment) {
        Map<String, String> addresses = new HashMap<>();
        compose.services().forEach((name, service) -> ComposeFile.strings(service.get("ports")).forEach(port -> {
            String[] parts = ComposeFile.interpolate(port, environment).split(":");
            assertThat(parts).as("%s publishes %s without a host address", name, port).hasSize(3);
            addresses.put(name + " " + parts[2], parts[0]);
        }));
        return addresses;
    }

    private void interpolateEverything(Map<String, String> environment) {
        compose.services().values().forEach(service -> ComposeFile.environment(service).values().stream()
                .filter(value -> value != null)
                .forEach(value -> ComposeFile.interpolate(value.toString(), environment)));
    }
}
