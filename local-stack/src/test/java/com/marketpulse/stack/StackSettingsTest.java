package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void oneInstanceOfEachServiceOnItsDocumentedPortUnlessToldOtherwise() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of());

        for (Service service : Service.values()) {
            assertThat(settings.instances(service)).as(service.module())
                    .containsExactly(new Instance(service, 1, service.defaultPort()));
        }
        assertThat(settings.instances(Service.FEATURE).getFirst().name()).isEqualTo("feature-service");
    }

    @Test
    void moreInstancesListenOneHundredPortsHigherEachAndAreNumberedFromTheSecond() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of("MARKETPULSE_INSTANCES_FEATURE", "2",
                "MARKETPULSE_INSTANCES_DETECTION", "3", "MARKETPULSE_DETECTION_PORT", "9083"));

        assertThat(settings.instances(Service.FEATURE)).extracting(Instance::name, Instance::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("feature-service", 8082),
                        org.assertj.core.groups.Tuple.tuple("feature-service-2", 8182));
        assertThat(settings.instances(Service.DETECTION)).extracting(Instance::port).containsExactly(9083, 9183, 9283);
        assertThat(settings.port(Service.DETECTION)).isEqualTo(9083);
        assertThat(settings.instances(Service.API)).hasSize(1);
    }

    @Test
    void refusesInstancesOfTheApiOrDashboardAndCountsOutsideOneToNine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StackSettings.fromEnvironment(Map.of("MARKETPULSE_INSTANCES_API", "2")))
                .withMessageContaining("MARKETPULSE_INSTANCES_API");
        for (String count : new String[] {"0", "10", "two"}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> StackSettings.fromEnvironment(Map.of("MARKETPULSE_INSTANCES_FEATURE", count)))
                    .withMessageContaining("MARKETPULSE_INSTANCES_FEATURE must be a number from 1 to 9");
        }
    }
}
