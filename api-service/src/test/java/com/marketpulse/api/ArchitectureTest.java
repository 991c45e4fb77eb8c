package com.marketpulse.api;

import com.marketpulse.events.arch.SharedRules;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.marketpulse.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("com.marketpulse.api.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule problemHandlingKnowsNoFeature = noClasses().that().resideInAPackage("..api.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..api.alert..", "..api.account..",
                    "..api.portfolio..", "..api.market..", "..api.status..", "..api.stream..", "..api.security..",
                    "..api.backtest..");

    @ArchTest
    static final ArchRule securityKnowsNoFeature = noClasses().that().resideInAPackage("..api.security..")
            .should().dependOnClassesThat().resideInAnyPackage("..api.alert..", "..api.account..",
                    "..api.portfolio..", "..api.market..", "..api.status..", "..api.stream..", "..api.backtest..");

    @ArchTest
    static final ArchRule pureLogicHasNoSpring = classes()
            .that().haveSimpleName("LoginThrottle").or().haveSimpleName("PasswordPolicy")
            .or().haveSimpleName("AlertCursor").or().haveSimpleName("TokenSecret")
            .or().haveSimpleName("UploadCheck").or().haveSimpleName("DrainCheck").or().haveSimpleName("Scoring")
            .or().haveSimpleName("Comparing").or().haveSimpleName("Csv")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..");

    @ArchTest
    static final ArchRule controllersNeverTouchJdbc = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..");

    @ArchTest
    static final ArchRule aJsonMapperIsBuiltOnlyInEvents = SharedRules.JSON_MAPPERS_ARE_BUILT_ONLY_IN_EVENTS;

    @ArchTest
    static final ArchRule topicsAreCreatedOnlyFromTheCatalogue = SharedRules.TOPICS_COME_ONLY_FROM_THE_CATALOGUE;
}
