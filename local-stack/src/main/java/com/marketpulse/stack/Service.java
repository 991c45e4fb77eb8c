package com.marketpulse.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One of the six MarketPulse services, as the local stack runs it: the module's runnable jar on its port. */
enum Service {
    DETECTION("detection-service", 8083, "marketpulse_detection"),
    FEATURE("feature-service", 8082, ""),
    API("api-service", 8000, "marketpulse_api"),
    INGESTION("ingestion-service", 8081, ""),
    DASHBOARD("dashboard-service", 8080, ""),
    DELIVERY("delivery-service", 8084, "marketpulse_delivery");

    private final String module;
    private final int port;
    private final String databaseRole;

    Service(String module, int port, String databaseRole) {
        this.module = module;
        this.port = port;
        this.databaseRole = databaseRole;
    }

    String module() {
        return module;
    }

    int defaultPort() {
        return port;
    }

    /**
     * The service's own PostgreSQL role (as {@code docker/postgres/marketpulse-roles.sql} creates it), empty for a
     * service without a database.
     */
    Optional<String> databaseRole() {
        return databaseRole.isEmpty() ? Optional.empty() : Optional.of(databaseRole);
    }

    static List<String> databaseRoles() {
        return Arrays.stream(values()).flatMap(service -> service.databaseRole().stream()).toList();
    }

    /** The Spring Boot runnable jar Maven builds for the module ({@code <module>-<version>-exec.jar}). */
    Path jar(Path root) throws IOException {
        Path target = root.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            }
        }
        throw new IllegalStateException("no runnable jar for " + module + " in " + target
                + ": build first with ./mvnw -DskipTests package (./run.sh does)");
    }
}
