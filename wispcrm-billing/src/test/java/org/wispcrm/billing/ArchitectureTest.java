package org.wispcrm.billing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.wispcrm.testkit.ArchitectureRules;

/** Billing imports no infrastructure, no adapter, and has no package cycles. */
@AnalyzeClasses(packages = "org.wispcrm.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule imports_no_infrastructure = ArchitectureRules.importsNoInfrastructure();

    @ArchTest
    static final ArchRule depends_on_no_adapter = ArchitectureRules.dependsOnNoOtherAdapter("org.wispcrm.billing");

    @ArchTest
    static final ArchRule no_cycles = ArchitectureRules.noPackageCycles();
}
