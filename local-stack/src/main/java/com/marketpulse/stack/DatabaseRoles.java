package com.marketpulse.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' least-privilege roles and schemas, from the same script the compose file mounts into the postgres
 * image ({@code docker/postgres/marketpulse-roles.sql}, copied onto this module's classpath by its build), so the
 * local stack and a compose deployment grant exactly the same. The script is psql's: its {@code \getenv} lines name
 * the environment variables holding the passwords, which are substituted here as SQL literals.
 */
final class DatabaseRoles {

    static final String SCRIPT = "/marketpulse-roles.sql";
    static final String DETECTION_PASSWORD = "MARKETPULSE_DETECTION_DB_PASSWORD";
    static final String API_PASSWORD = "MARKETPULSE_API_DB_PASSWORD";
    static final String DELIVERY_PASSWORD = "MARKETPULSE_DELIVERY_DB_PASSWORD";

    private static final Pattern GETENV = Pattern.compile("\\\\getenv\\s+(\\w+)\\s+(\\w+)\\s*");

    private DatabaseRoles() {
    }

    /** Creates or updates the roles and schemas; the connection must be a superuser's, in the MarketPulse database. */
    static void apply(Connection superuser, Map<String, String> environment) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            statement.execute(render(script(), environment));
        }
    }

    /** The script as psql would run it: {@code \getenv} variables replaced by their quoted values. */
    static String render(String script, Map<String, String> environment) {
        Map<String, String> variables = new HashMap<>();
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            Matcher getenv = GETENV.matcher(line);
            if (getenv.matches()) {
                String value = environment.get(getenv.group(2));
                if (value == null || value.isEmpty()) {
                    throw new IllegalArgumentException(getenv.group(2) + " must be set for the database roles");
                }
                variables.put(getenv.group(1), value);
            } else if (line.startsWith("\\")) {
                throw new IllegalStateException("unsupported psql command in " + SCRIPT + ": " + line);
            } else {
                sql.append(line).append('\n');
            }
        }
        String rendered = sql.toString();
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            rendered = rendered.replace(":'" + variable.getKey() + "'", literal(variable.getValue()));
        }
        return rendered;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String script() {
        try (InputStream in = DatabaseRoles.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the classpath (local-stack's build copies it "
                        + "from docker/postgres/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
