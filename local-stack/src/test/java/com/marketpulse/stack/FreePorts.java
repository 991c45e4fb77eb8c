package com.marketpulse.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Stack settings for a test: every service, the broker (and its controller, the next port) and PostgreSQL on free ports. */
final class FreePorts {

    private FreePorts() {
    }

    /** The checkout is {@code marketpulse.root} (set by failsafe); everything the stack writes goes to {@code data}. */
    static StackSettings settings(Path data) throws IOException {
        Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, List.of(freePort()));
        }
        int kafkaPort = freePort();
        while (!isFree(kafkaPort + 1)) {
            kafkaPort = freePort();
        }
        Path root = Path.of(System.getProperty("marketpulse.root", "..")).toAbsolutePath().normalize();
        return new StackSettings(root, data, kafkaPort, freePort(), false, ports);
    }

    /** The settings with {@code count} instances of {@code service}, each on a free port. */
    static StackSettings withInstances(StackSettings settings, Service service, int count) throws IOException {
        List<Integer> ports = new ArrayList<>(List.of(settings.port(service)));
        while (ports.size() < count) {
            ports.add(freePort());
        }
        return settings.withInstances(service, ports);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
