package com.marketpulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document this service publishes is the one api-contract ships ({@code openapi.json} beside the
 * contract records), against which the dashboard's test double is checked. A change of an API record, path or
 * parameter therefore fails here until the document is regenerated on purpose:
 * {@code ./mvnw -pl api-contract,api-service -am verify -Dit.test=OpenApiContractIT -Dapi-contract.update=true}.
 * The generated document is also left at {@code target/openapi.json}.
 */
class OpenApiContractIT extends ApiIntegrationTest {

    static final String SHIPPED = "com/marketpulse/api/contract/openapi.json";
    private static final Path SOURCE = Path.of("..", "api-contract", "src", "main", "resources", SHIPPED);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void thePublishedDocumentIsTheOneApiContractShips() throws IOException {
        Http.Response spec = http.get("/docs/openapi");
        assertThat(spec.status()).isEqualTo(200);
        ObjectNode generated = (ObjectNode) JSON.readTree(spec.body());
        generated.remove("servers"); // names this test's random port
        String text = JSON.writeValueAsString(generated) + "\n";
        Files.writeString(Path.of("target", "openapi.json"), text);
        if (Boolean.getBoolean("api-contract.update")) {
            Files.writeString(SOURCE, text);
            return;
        }

        JsonNode shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SHIPPED)) {
            assertThat(in).as("api-contract ships %s", SHIPPED).isNotNull();
            shipped = JSON.readTree(in);
        }
        assertThat(generated)
                .as("The API's OpenAPI document changed (see target/openapi.json). If that is intended, regenerate "
                        + "api-contract's copy with -Dapi-contract.update=true and make the dashboard's test double match.")
                .isEqualTo(shipped);
    }
}
