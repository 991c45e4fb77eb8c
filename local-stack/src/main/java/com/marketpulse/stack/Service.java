package com.marketpulse.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** One of the five MarketPulse services, as the local stack runs it: the module's runnable jar on its port. */
enum Service {
    DETECTION("detection-service", 8083, true),
    FEATURE("feature-service", 8082, false),
    API("api-service", 8000, true),
    INGESTION("ingestion-service", 8081, false),
    DASHBOARD("dashboard-service", 8080, false);

    private final String module;
    private final int port;
    private final boolean usesDatabase;

    Service(String module, int port, boolean usesDatabase) {
        this.module = module;
        this.port = port;
        this.usesDatabase = usesDatabase;
    }

    String module() {
        return module;
    }

    int defaultPort() {
        return port;
    }

    boolean usesDatabase() {
        return usesDatabase;
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
