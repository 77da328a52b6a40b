package org.wispcrm.storage.s3;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.wispcrm.testkit.ArchitectureRules;

/** The S3 adapter depends on core only: no other adapter, no package cycles. */
@AnalyzeClasses(packages = "org.wispcrm.storage.s3", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule depends_on_no_other_adapter =
            ArchitectureRules.dependsOnNoOtherAdapter("org.wispcrm.storage.s3");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = ArchitectureRules.noPackageCycles();
}
