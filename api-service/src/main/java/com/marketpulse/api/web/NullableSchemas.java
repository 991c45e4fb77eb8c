package com.marketpulse.api.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the annotations cannot say in the OpenAPI 3.1 document springdoc writes. A nullable reference
 * ({@code @Schema(nullable = true)} on a record field, e.g. a report's {@code overall}) comes out as {@code type: null}
 * beside the {@code $ref}, which a validator reads as "only null": it is rewritten as {@code anyOf} the referenced
 * schema or null. The fields of {@code Overrides} (events' {@code BacktestCommand.Overrides}, a plain record without
 * schema annotations) are each optional and null where a run keeps the live value.
 */
@Configuration(proxyBeanMethods = false)
class NullableSchemas {

    static final String OVERRIDES = "Overrides";

    @Bean
    OpenApiCustomizer nullableReferencesAndOverrides() {
        return NullableSchemas::rewrite;
    }

    @SuppressWarnings("rawtypes")
    static void rewrite(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        schemas.values().forEach(NullableSchemas::nullableReferences);
        Schema overrides = schemas.get(OVERRIDES);
        if (overrides != null) {
            overridesOptional(overrides);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableReferences(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.replaceAll((name, property) -> {
            if (property.get$ref() == null || !nullable(property)) {
                return property;
            }
            return new JsonSchema().description(property.getDescription())
                    .anyOf(List.of(new JsonSchema().$ref(property.get$ref()), new JsonSchema().typesItem("null")));
        });
    }

    @SuppressWarnings("rawtypes")
    private static boolean nullable(Schema property) {
        return Boolean.TRUE.equals(property.getNullable()) || "null".equals(property.getType())
                || (property.getTypes() != null && property.getTypes().contains("null"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void overridesOptional(Schema overrides) {
        overrides.setDescription("Detector settings for one run, each optional: null or absent keeps the live value. "
                + "The minimums are fractions (0.05 = 5 %) and replace every symbol's live minimum.");
        overrides.setRequired(null);
        Map<String, Schema> properties = overrides.getProperties();
        if (properties == null) {
            return;
        }
        properties.values().forEach(property -> {
            if (property.getTypes() != null && !property.getTypes().isEmpty()) {
                property.addType("null");
            } else if (property.getType() != null) {
                property.types(new java.util.LinkedHashSet<>(List.of(property.getType(), "null")));
            }
        });
        Schema cooldown = properties.get("cooldown");
        if (cooldown != null) {
            cooldown.format("duration").example("PT10M")
                    .description("the cooldown per episode, an ISO-8601 duration (the shipped live value is PT5M)");
        }
    }
}
