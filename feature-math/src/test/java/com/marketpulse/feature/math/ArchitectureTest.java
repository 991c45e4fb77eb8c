package com.marketpulse.feature.math;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class ArchitectureTest {

    private final JavaClasses mathClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.marketpulse.feature");

    @Test
    void theFeatureMathUsesOnlyTheJdkAndTheEventRecords() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.marketpulse.events..", "com.marketpulse.feature..")
                .check(mathClasses);
    }
}
