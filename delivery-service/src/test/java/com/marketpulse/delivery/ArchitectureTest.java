package com.marketpulse.delivery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import com.marketpulse.events.arch.SharedRules;

@AnalyzeClasses(packages = "com.marketpulse.delivery", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("com.marketpulse.delivery.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sendingKnowsNothingOfHowDeliveriesAreDecided = noClasses()
            .that().resideInAPackage("com.marketpulse.delivery.send..")
            .should().dependOnClassesThat().resideInAPackage("com.marketpulse.delivery.intake..")
            .because("the queue between them is the database: a delivery is sent the same however it was queued");

    @ArchTest
    static final ArchRule theRulesAreAlertRulesNotACopy = noClasses()
            .should().resideInAnyPackage("com.marketpulse.delivery.rules..")
            .because("the decision lives once, in the alert-rules module, shared with the API");

    @ArchTest
    static final ArchRule aJsonMapperIsBuiltOnlyInEvents = SharedRules.JSON_MAPPERS_ARE_BUILT_ONLY_IN_EVENTS;

    @ArchTest
    static final ArchRule topicsAreCreatedOnlyFromTheCatalogue = SharedRules.TOPICS_COME_ONLY_FROM_THE_CATALOGUE;
}
