package com.marketpulse.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceInstancesTest {

    @Test
    void eachInstanceOfAServiceIsAStageOfItsOwnTheFirstUnderTheServicesName() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("ingestion-service", "http://localhost:8081");
        services.put("feature-service", "http://localhost:8082, http://localhost:8182,");
        services.put("detection-service", "http://localhost:8083,http://localhost:8183,http://localhost:8283");

        assertThat(ServiceInstances.each(services)).containsExactly(
                Map.entry("ingestion-service", "http://localhost:8081"),
                Map.entry("feature-service", "http://localhost:8082"),
                Map.entry("feature-service-2", "http://localhost:8182"),
                Map.entry("detection-service", "http://localhost:8083"),
                Map.entry("detection-service-2", "http://localhost:8183"),
                Map.entry("detection-service-3", "http://localhost:8283"));
    }
}
