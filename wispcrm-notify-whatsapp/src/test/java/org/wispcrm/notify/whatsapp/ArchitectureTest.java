package org.wispcrm.notify.whatsapp;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.wispcrm.testkit.ArchitectureRules;

/** The WhatsApp adapter depends on core only, never on another adapter, and has no package cycles. */
@AnalyzeClasses(packages = "org.wispcrm.notify.whatsapp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule depends_on_no_other_adapter =
            ArchitectureRules.dependsOnNoOtherAdapter("org.wispcrm.notify.whatsapp");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = ArchitectureRules.noPackageCycles();
}
