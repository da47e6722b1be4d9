package app.atelier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of the design: compute and files never see the toolkit, the window never sees DJL.
 * Empty packages are allowed so the rules hold from the first commit, before every layer exists.
 */
@AnalyzeClasses(packages = "app.atelier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineModelAndImageDoNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("app.atelier.engine..", "app.atelier.model..", "app.atelier.image..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .allowEmptyShould(true)
            .because("the engine, weights and image code run headless (render, CI) without a toolkit");

    @ArchTest
    static final ArchRule uiDoesNotUseDjl = noClasses()
            .that().resideInAPackage("app.atelier.ui..")
            .or().haveFullyQualifiedName("app.atelier.AtelierApp")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
            .allowEmptyShould(true)
            .because("views talk to the engine through its API and view models, never to tensors");

    @ArchTest
    static final ArchRule engineDoesNotUseUiOrCli = noClasses()
            .that().resideInAPackage("app.atelier.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("app.atelier.ui..", "app.atelier.cli..")
            .allowEmptyShould(true)
            .because("the engine is the bottom layer that both front ends build on");

    @ArchTest
    static final ArchRule cliIsHeadless = noClasses()
            .that().resideInAPackage("app.atelier.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "app.atelier.ui..")
            .allowEmptyShould(true)
            .because("render runs on servers without a display");

    @ArchTest
    static final ArchRule productDoesNotUseTheTooling = noClasses()
            .that().resideInAPackage("app.atelier..")
            .should().dependOnClassesThat().resideInAPackage("app.atelier.tooling..")
            .because("the window benchmark, screenshot tour and FX-thread probe (src/tooling) measure and"
                    + " document the app and ship in atelier-tooling.jar, never in atelier.jar;"
                    + " bench --mode window finds its script by name, only when that jar is on the class path");

    @ArchTest
    static final ArchRule settingsServeBothFrontEnds = noClasses()
            .that().resideInAPackage("app.atelier.settings..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.djl..", "app.atelier.ui..",
                    "app.atelier.cli..")
            .allowEmptyShould(true)
            .because("one settings format serves the window, render, presets and saved pictures alike");

    @ArchTest
    static final ArchRule launcherIsNotAnApplication = classes()
            .that().haveFullyQualifiedName("app.atelier.Launcher")
            .should().notBeAssignableTo("javafx.application.Application")
            .because("a main class that extends Application fails from the class path with"
                    + " 'JavaFX runtime components are missing'");
}
