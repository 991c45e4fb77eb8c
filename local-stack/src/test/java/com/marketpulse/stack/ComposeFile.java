package com.marketpulse.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker/compose.yaml} as Compose reads it: YAML with anchors and merge keys resolved (SnakeYAML, like Compose,
 * implements {@code <<}), and Compose's variable interpolation ({@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR:?message}}, {@code $$}) applied on demand against a given environment.
 */
final class ComposeFile {

    static final Path PATH = Path.of(System.getProperty("marketpulse.root", "..")).toAbsolutePath().normalize()
            .resolve("docker/compose.yaml");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{(\\w+)(?:(:?[-?])([^}]*))?}");

    private final Map<String, Object> document;

    private ComposeFile(Map<String, Object> document) {
        this.document = document;
    }

    static ComposeFile load() {
        try {
            return new ComposeFile(new Yaml(new LoaderOptions()).load(Files.readString(PATH)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> document() {
        return document;
    }

    Map<String, Map<String, Object>> services() {
        return map(document.get("services"));
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new AssertionError("compose.yaml has no service " + name);
        }
        return service;
    }

    /** The service's environment as written (a key without a value passes the host's variable through, if set). */
    static Map<String, Object> environment(Map<String, Object> service) {
        return service.containsKey("environment") ? map(service.get("environment")) : Map.of();
    }

    static List<String> strings(Object list) {
        List<String> strings = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }

    /** A value as Compose interpolates it with this environment; a required variable that is missing throws. */
    static String interpolate(String value, Map<String, String> environment) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(result, Matcher.quoteReplacement(resolve(variable, environment)));
        }
        return variable.appendTail(result).toString();
    }

    private static String resolve(Matcher variable, Map<String, String> environment) {
        if (variable.group().equals("$$")) {
            return "$";
        }
        String name = variable.group(1);
        String operator = variable.group(2);
        String set = environment.get(name);
        boolean missing = set == null || (operator != null && operator.startsWith(":") && set.isEmpty());
        if (!missing || operator == null) {
            return set == null ? "" : set;
        }
        if (operator.endsWith("?")) {
            throw new MissingVariable(name, variable.group(3));
        }
        return variable.group(3);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        return (Map<String, V>) value;
    }

    /** Compose's refusal to start: {@code ${VAR:?message}} with VAR unset or empty. */
    static final class MissingVariable extends RuntimeException {

        private final String variable;

        MissingVariable(String variable, String message) {
            super(variable + ": " + message);
            this.variable = variable;
        }

        String variable() {
            return variable;
        }
    }
}
