package org.backproplab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of DESIGN.md: the engine, data and lessons know nothing of JavaFX or the UI. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.backproplab");
    }

    @Test
    void engineDataAndLessonsDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage("org.backproplab.engine..", "org.backproplab.data..",
                        "org.backproplab.lesson..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.backproplab.ui..",
                        "org.backproplab.session..", "org.backproplab.cli..", "org.backproplab.io..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theEngineDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("org.backproplab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.backproplab.lesson..",
                        "org.backproplab.data..")
                .check(classes);
    }

    @Test
    void viewModelsBuildNoNodes() {
        noClasses().that().resideInAPackage("org.backproplab.session..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.backproplab.ui..")
                .check(classes);
    }

    @Test
    void theCliDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("org.backproplab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.backproplab.ui..")
                .check(classes);
    }
}
