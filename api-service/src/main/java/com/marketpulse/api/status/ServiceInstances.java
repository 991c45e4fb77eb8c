package com.marketpulse.api.status;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service run as several instances is configured with their base URLs comma-separated
 * ({@code FEATURE_SERVICE_URL=http://localhost:8082,http://localhost:8182}): each instance is a stage of its own, the
 * first under the service's name, the others numbered ({@code feature-service-2}), so the status says which one is
 * down while the others carry its partitions.
 */
final class ServiceInstances {

    private ServiceInstances() {
    }

    /** Stage name → one base URL, in the services' order, each service's instances in their order. */
    static Map<String, String> each(Map<String, String> services) {
        Map<String, String> each = new LinkedHashMap<>();
        services.forEach((name, urls) -> {
            List<String> instances = Arrays.stream(urls.split(",")).map(String::strip).filter(u -> !u.isEmpty())
                    .toList();
            for (int n = 0; n < instances.size(); n++) {
                each.put(n == 0 ? name : name + "-" + (n + 1), instances.get(n));
            }
        });
        return each;
    }
}
