package com.marketpulse.feature;

import com.marketpulse.events.arch.SharedRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {

    /**
     * This module's classes plus the feature math it runs, which lives in the feature-math module (a jar, or
     * that module's classes directory in a reactor build): other jars stay out.
     */
    private static final ImportOption THIS_MODULE_AND_FEATURE_MATH =
            location -> !location.isArchive() || location.contains("feature-math");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(THIS_MODULE_AND_FEATURE_MATH)
            .importPackages("com.marketpulse.feature");

    @Test
    void theFeatureMathIsPlainJavaWithoutSpringOrKafka() {
        noClasses().that().resideInAnyPackage("..feature.math..", "..feature.grid..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "tools.jackson..", "com.marketpulse.feature.stream..")
                .check(classes);
    }

    @Test
    void theTopologyIsPlainKafkaStreamsWithoutSpring() {
        noClasses().that().resideInAPackage("..feature.stream..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.marketpulse.feature.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void aJsonMapperIsBuiltOnlyInEvents() {
        SharedRules.JSON_MAPPERS_ARE_BUILT_ONLY_IN_EVENTS.check(classes);
    }

    @Test
    void topicsAreCreatedOnlyFromTheCatalogue() {
        SharedRules.TOPICS_COME_ONLY_FROM_THE_CATALOGUE.check(classes);
    }
}
