package com.marketpulse.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.marketpulse.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule eventsArePlainJava = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta..")
            .because("every service, the evaluation and the tools read events without Spring");
}
