package io.orderflow.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The application's feature packages depend on each other in one direction. */
@AnalyzeClasses(packages = "io.orderflow.app", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("io.orderflow.app.(*)..")
            .should().beFreeOfCycles();

    /** The classes directly in io.orderflow.app (entry point, properties, instance id) are what the features share. */
    @ArchTest
    static final ArchRule rootPackageDoesNotDependOnFeatures = noClasses().that().resideInAPackage("io.orderflow.app")
            .should().dependOnClassesThat().resideInAPackage("io.orderflow.app.(*)..");
}
