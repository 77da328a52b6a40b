package org.wispcrm.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * The dependency rule of ARCHITECTURE.md as ArchUnit rules, shared by every module's {@code ArchitectureTest}: the
 * domain modules know no infrastructure, adapters never depend on each other, and no module has package cycles.
 */
public final class ArchitectureRules {
    /** The packages of our adapters; each may depend on core (and billing) but never on another. */
    public static final String[] ADAPTER_PACKAGES = {
        "org.wispcrm.jpa", "org.wispcrm.storage.s3", "org.wispcrm.notify.email", "org.wispcrm.notify.whatsapp"
    };

    private ArchitectureRules() {}

    /** Domain code (core, billing) imports no persistence, cloud, HTTP, mail, JSON or framework types. */
    public static ArchRule importsNoInfrastructure() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.persistence..",
                        "org.hibernate..",
                        "software.amazon..",
                        "okhttp3..",
                        "jakarta.mail..",
                        "org.springframework..",
                        "com.fasterxml.jackson..")
                .because("the domain stays portable; infrastructure lives in adapter modules");
    }

    /** Code in {@code ownPackage} depends on no adapter package but its own. */
    public static ArchRule dependsOnNoOtherAdapter(String ownPackage) {
        String[] others = Arrays.stream(ADAPTER_PACKAGES)
                .filter(p -> !p.equals(ownPackage))
                .map(p -> p + "..")
                .toArray(String[]::new);
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("adapters are independent: a host picks any subset");
    }

    /** No cycles between the packages below {@code org.wispcrm}. */
    public static ArchRule noPackageCycles() {
        return slices().matching("org.wispcrm.(**)").should().beFreeOfCycles();
    }
}
