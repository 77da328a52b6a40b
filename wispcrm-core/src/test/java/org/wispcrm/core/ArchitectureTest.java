package org.wispcrm.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Guards the dependency rule: the core knows no framework, no adapter and no billing, and has no package cycles. */
@AnalyzeClasses(packages = "org.wispcrm.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_imports_no_infrastructure = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.persistence..",
                    "org.hibernate..",
                    "software.amazon..",
                    "okhttp3..",
                    "jakarta.mail..",
                    "org.springframework..",
                    "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule core_depends_on_no_other_module = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.wispcrm.billing..", "org.wispcrm.jpa..", "org.wispcrm.storage..", "org.wispcrm.notify..");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("org.wispcrm.(**)").should().beFreeOfCycles();
}
