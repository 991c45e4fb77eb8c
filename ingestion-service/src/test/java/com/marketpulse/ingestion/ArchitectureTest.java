package com.marketpulse.ingestion;

import com.marketpulse.events.arch.SharedRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.marketpulse.ingestion");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.marketpulse.ingestion.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theAlpacaClientAndTheReplayReaderAreFreeOfSpring() {
        noClasses().that().resideInAnyPackage("..ingestion.alpaca..", "..ingestion.replay..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void aJsonMapperIsBuiltOnlyInEvents() {
        SharedRules.JSON_MAPPERS_ARE_BUILT_ONLY_IN_EVENTS.check(CLASSES);
    }

    @Test
    void topicsAreCreatedOnlyFromTheCatalogue() {
        SharedRules.TOPICS_COME_ONLY_FROM_THE_CATALOGUE.check(CLASSES);
    }
}
