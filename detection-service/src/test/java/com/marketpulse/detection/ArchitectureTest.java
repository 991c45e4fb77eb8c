package com.marketpulse.detection;

import com.marketpulse.events.arch.SharedRules;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.marketpulse.detection", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("com.marketpulse.detection.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theDetectorIsDetectionCoresNotACopy = noClasses()
            .should().resideInAnyPackage("com.marketpulse.detection.scoring..", "com.marketpulse.detection.episode..")
            .because("rules, forest, trainer, scoring pipeline and episodes live once, in the detection-core module");

    @ArchTest
    static final ArchRule theArchiveCoreIsPlainJava = noClasses()
            .that().resideInAPackage("com.marketpulse.detection.archive")
            .and().haveNameNotMatching(".*\\.archive\\.(EventArchiver|ArchiveListeners|ArchiveConfig)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
            .because("the crash-safe file logic is tested without Kafka or Spring");

    @ArchTest
    static final ArchRule aJsonMapperIsBuiltOnlyInEvents = SharedRules.JSON_MAPPERS_ARE_BUILT_ONLY_IN_EVENTS;

    @ArchTest
    static final ArchRule topicsAreCreatedOnlyFromTheCatalogue = SharedRules.TOPICS_COME_ONLY_FROM_THE_CATALOGUE;
}
