package org.wispcrm.jpa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.wispcrm.testkit.ArchitectureRules;

/** The adapter depends on core only: no billing, no other adapter; only JpaPersistence and JpaConfig are public. */
@AnalyzeClasses(packages = "org.wispcrm.jpa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule depends_on_no_other_adapter = ArchitectureRules.dependsOnNoOtherAdapter("org.wispcrm.jpa");

    @ArchTest
    static final ArchRule depends_not_on_billing =
            noClasses().should().dependOnClassesThat().resideInAPackage("org.wispcrm.billing..");

    @ArchTest
    static final ArchRule only_the_entry_points_are_public =
            com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                    .that()
                    .arePublic()
                    .should()
                    .haveSimpleNameStartingWith("JpaPersistence")
                    .orShould()
                    .haveSimpleName("JpaConfig");
}
