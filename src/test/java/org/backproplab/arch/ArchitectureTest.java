package org.backproplab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of DESIGN.md. The window talks to the view-models only ("one door"); the view-models
 * build no nodes; nothing below them knows JavaFX. Each rule is written once for a root package,
 * checked on the app, and shown to fail on a small set of classes that break it
 * ({@code org.backproplab.arch.broken}, test sources only).
 */
class ArchitectureTest {
    private static final String APP = "org.backproplab";
    private static final String BROKEN = "org.backproplab.arch.broken";
    private static JavaClasses app;
    private static JavaClasses broken;

    @BeforeAll
    static void importClasses() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(APP);
        broken = new ClassFileImporter().importPackages(BROKEN);
    }

    /** ui depends only on session, ui, JavaFX, AtlantaFX, Ikonli and the JDK. */
    static ArchRule uiTalksToSessionOnly(String root) {
        return classes().that().resideInAPackage(root + ".ui..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".ui..", root + ".session..",
                        "javafx..", "atlantafx..", "org.kordamp.ikonli..", "java..", "javax..")
                .allowEmptyShould(false);
    }

    /** session may hold javafx.beans properties, never a node, a stage or a view. */
    static ArchRule viewModelsBuildNoNodes(String root) {
        return noClasses().that().resideInAPackage(root + ".session..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.embed..", root + ".ui..")
                .allowEmptyShould(false);
    }

    /** engine, explain, data, lesson, io and cli import no JavaFX at all. */
    static ArchRule belowTheWindowNoJavaFx(String root) {
        return noClasses().that().resideInAnyPackage(root + ".engine..", root + ".explain..", root + ".data..",
                        root + ".lesson..", root + ".io..", root + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", root + ".ui..")
                .allowEmptyShould(false);
    }

    /** engine, explain, data and lesson know nothing of the layers above them. */
    static ArchRule lowerLayersDoNotLookUp(String root) {
        return noClasses().that().resideInAnyPackage(root + ".engine..", root + ".explain..", root + ".data..",
                        root + ".lesson..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".session..", root + ".cli..",
                        root + ".io..", root + ".ui..")
                .allowEmptyShould(false);
    }

    /** The engine, and the explanations that stand on it alone, know no lesson and no data set. */
    static ArchRule theEngineDependsOnNothingAboveIt(String root) {
        return noClasses().that().resideInAnyPackage(root + ".engine..", root + ".explain..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".lesson..", root + ".data..")
                .allowEmptyShould(false);
    }

    private static List<ArchRule> rules(String root) {
        return List.of(uiTalksToSessionOnly(root), viewModelsBuildNoNodes(root), belowTheWindowNoJavaFx(root),
                lowerLayersDoNotLookUp(root), theEngineDependsOnNothingAboveIt(root));
    }

    @Test
    void theWindowTalksToTheViewModelsOnly() {
        uiTalksToSessionOnly(APP).check(app);
    }

    @Test
    void viewModelsBuildNoNodes() {
        viewModelsBuildNoNodes(APP).check(app);
    }

    @Test
    void nothingBelowTheWindowUsesJavaFx() {
        belowTheWindowNoJavaFx(APP).check(app);
    }

    @Test
    void engineDataAndLessonsDoNotLookUp() {
        lowerLayersDoNotLookUp(APP).check(app);
    }

    @Test
    void theEngineDependsOnNothingAboveIt() {
        theEngineDependsOnNothingAboveIt(APP).check(app);
    }

    @Test
    void everyRuleFailsOnAClassThatBreaksIt() {
        for (ArchRule rule : rules(BROKEN)) {
            AssertionError e = assertThrows(AssertionError.class, () -> rule.check(broken), rule.getDescription());
            assertTrue(e.getMessage().contains(BROKEN), e.getMessage());
        }
        // and each broken class breaks only the rule it is there for: the messages name it
        assertTrue(message(uiTalksToSessionOnly(BROKEN)).contains("ReachesTheEngine"));
        assertFalse(message(uiTalksToSessionOnly(BROKEN)).contains("UsesOnlyTheSession"));
        assertTrue(message(viewModelsBuildNoNodes(BROKEN)).contains("BuildsANode"));
        assertFalse(message(viewModelsBuildNoNodes(BROKEN)).contains("HoldsAProperty"));
        assertTrue(message(belowTheWindowNoJavaFx(BROKEN)).contains("HoldsAJavaFxProperty"));
        assertTrue(message(lowerLayersDoNotLookUp(BROKEN)).contains("ReadsTheSession"));
        assertTrue(message(theEngineDependsOnNothingAboveIt(BROKEN)).contains("ReadsALesson"));
        assertTrue(message(theEngineDependsOnNothingAboveIt(BROKEN)).contains("ExplainsALesson"));
    }

    private static String message(ArchRule rule) {
        return assertThrows(AssertionError.class, () -> rule.check(broken)).getMessage();
    }
}
