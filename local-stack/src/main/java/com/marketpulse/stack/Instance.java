package com.marketpulse.stack;

/**
 * One running copy of a service: its number (from 1) and port. The first instance keeps the service's own name (its
 * log, its state directory, where earlier versions kept them); the others are {@code <module>-<n>}.
 */
record Instance(Service service, int number, int port) {

    String name() {
        return number == 1 ? service.module() : service.module() + "-" + number;
    }

    String url() {
        return "http://localhost:" + port;
    }
}
