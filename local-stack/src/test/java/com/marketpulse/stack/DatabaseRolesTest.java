package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** How the local stack reads compose's psql script; {@link DatabaseRolesIT} runs it on a real PostgreSQL. */
class DatabaseRolesTest {

    private static final String SCRIPT = """
            \\getenv secret SOME_PASSWORD
            ALTER ROLE someone PASSWORD :'secret';
            """;

    @Test
    void substitutesThePasswordAsOneQuotedLiteralSoItCannotEndTheStatement() {
        String sql = DatabaseRoles.render(SCRIPT, Map.of("SOME_PASSWORD", "x'; ALTER ROLE someone SUPERUSER; --"));

        assertThat(sql).isEqualTo("ALTER ROLE someone PASSWORD 'x''; ALTER ROLE someone SUPERUSER; --';\n\n");
    }

    @Test
    void refusesToRunWithoutThePasswordNamingTheVariable() {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseRoles.render(SCRIPT, Map.of()))
                .withMessageContaining("SOME_PASSWORD");
    }
}
