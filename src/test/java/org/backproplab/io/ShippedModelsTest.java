package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backproplab.engine.Network;
import org.backproplab.lesson.MnistLessons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped models are found in the project's folder and, as the jar has them, on the class path. */
class ShippedModelsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mnist-cnn-small", "mnist-lenet", "mnist-mlp", "mnist-keras-example"})
    void theCopyOnTheClassPathIsTheFileAndFitsThePresetsNetwork(String preset) throws Exception {
        ModelFile.Loaded file = ModelFile.load(ShippedModels.path(preset));
        ModelFile.Loaded resource = ShippedModels.loadResource(preset);
        assertEquals(file.parameters(), resource.parameters());
        assertEquals(file.architecture(), resource.architecture());
        assertEquals(preset, resource.preset());
        // the file's structure is the preset's: it goes into the network the lesson builds
        Network lesson = MnistLessons.byId(preset).network().apply(1);
        resource.restoreInto(lesson);
        Network alone = ShippedModels.network(preset);
        assertEquals(lesson.copyParameters(), alone.copyParameters());
    }

    @Test
    void aPresetWithoutAModelIsNamed() {
        assertEquals("no trained model is shipped for 'xor' (there are: mnist-cnn-small, mnist-lenet, mnist-mlp, "
                + "mnist-keras-example)",
                assertThrows(IllegalArgumentException.class, () -> ShippedModels.load("xor")).getMessage());
    }
}
