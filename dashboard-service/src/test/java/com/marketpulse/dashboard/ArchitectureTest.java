package com.marketpulse.dashboard;

import com.marketpulse.events.arch.SharedRules;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.marketpulse.dashboard");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.marketpulse.dashboard.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theApiClientKnowsNothingOfTheUiOrOtherFeatures() {
        noClasses().that().resideInAPackage("..dashboard.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "..dashboard.alert..",
                        "..dashboard.security..", "..dashboard.home..", "..dashboard.portfolio..", "..dashboard.base..",
                        "..dashboard.backtest..")
                .check(CLASSES);
    }

    @Test
    void pureLogicUsesNeitherVaadinNorSpring() {
        noClasses().that().resideInAnyPackage("..dashboard.alert", "..dashboard.market", "..dashboard.base",
                        "..dashboard.backtest")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void theDashboardNeverTalksToTheDatabaseOrKafka() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "java.sql..", "jakarta.persistence..")
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
