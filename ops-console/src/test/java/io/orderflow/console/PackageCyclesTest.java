package io.orderflow.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The console's feature packages depend on each other in one direction. */
@AnalyzeClasses(packages = "io.orderflow.console", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("io.orderflow.console.(*)..")
            .should().beFreeOfCycles();

    /** The classes directly in io.orderflow.console start and wire the features, so no feature depends on them. */
    @ArchTest
    static final ArchRule featuresDoNotDependOnTheRootPackage = noClasses()
            .that().resideInAPackage("io.orderflow.console.(*)..")
            .should().dependOnClassesThat().resideInAPackage("io.orderflow.console");
}
