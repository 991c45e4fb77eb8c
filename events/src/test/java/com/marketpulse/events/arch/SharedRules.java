package com.marketpulse.events.arch;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture rules every module's ArchitectureTest checks (this module's test-jar): the one wire format and the
 * one topic catalogue stay the only ones. Names, not types, so the rules hold without loading Jackson or Spring.
 */
public final class SharedRules {

    private static final String JSON_MAPPER = "(tools\\.jackson|com\\.fasterxml\\.jackson)\\.databind\\.(ObjectMapper"
            + "|json\\.JsonMapper)";
    private static final String EVENTS = "com.marketpulse.events..";

    /** A JSON mapper is built only in events ({@code EventJson}); everyone else uses it or Spring Boot's. */
    public static final ArchRule JSON_MAPPERS_ARE_BUILT_ONLY_IN_EVENTS = noClasses()
            .that().resideOutsideOfPackage(EVENTS)
            .should().callConstructorWhere(target(owner(nameMatching(JSON_MAPPER))))
            .orShould().callMethodWhere(target(name("builder")).and(target(owner(nameMatching(JSON_MAPPER)))))
            .orShould().dependOnClassesThat(nameMatching(
                    "org\\.springframework\\.kafka\\.support\\.serializer\\.(Jackson.*|Json(Serializer|Deserializer|Serde))"))
            .because("events owns the one JSON wire format: EventJson, EventSerdes and their round-trip tests");

    /** Topics are created only from the catalogue: {@code NewTopic}s come from {@code TopicCatalogue}/{@code TopicSpec}. */
    public static final ArchRule TOPICS_COME_ONLY_FROM_THE_CATALOGUE = noClasses()
            .that().resideOutsideOfPackage(EVENTS)
            .should().callConstructorWhere(target(owner(name("org.apache.kafka.clients.admin.NewTopic"))))
            .orShould().dependOnClassesThat(name("org.springframework.kafka.config.TopicBuilder"))
            .because("every topic's partitions, retention and timestamps are stated once, in TopicCatalogue");

    private SharedRules() {
    }
}
