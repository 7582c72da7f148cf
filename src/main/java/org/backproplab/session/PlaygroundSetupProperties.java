package org.backproplab.session;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.session.PlaygroundChoices.LayerRow;
import org.backproplab.session.PlaygroundChoices.MapPoint;
import org.backproplab.session.PlaygroundChoices.Summary;

/**
 * The values the playground's controls show, as read-only properties (written on the FX thread
 * by {@link PlaygroundSetup}'s commands only). Ids are those of {@link PlaygroundChoices}.
 */
abstract class PlaygroundSetupProperties {
    final ReadOnlyStringWrapper lessonId = new ReadOnlyStringWrapper(this, "lessonId");
    final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    final ReadOnlyObjectWrapper<Summary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    final ReadOnlyObjectWrapper<Phrase> lessonText = new ReadOnlyObjectWrapper<>(this, "lessonText", Phrase.EMPTY);
    final ReadOnlyStringWrapper shape = new ReadOnlyStringWrapper(this, "shape");
    final ReadOnlyDoubleWrapper noise = new ReadOnlyDoubleWrapper(this, "noise");
    final ReadOnlyDoubleWrapper trainSplit = new ReadOnlyDoubleWrapper(this, "trainSplit");
    final ReadOnlyObjectWrapper<List<Integer>> pointClasses = new ReadOnlyObjectWrapper<>(this, "pointClasses",
            List.of());
    final ReadOnlyObjectWrapper<List<LayerRow>> layers = new ReadOnlyObjectWrapper<>(this, "layers", List.of());
    final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper(this, "output");
    final ReadOnlyStringWrapper optimizer = new ReadOnlyStringWrapper(this, "optimizer");
    final ReadOnlyStringWrapper learningRateText = new ReadOnlyStringWrapper(this, "learningRateText");
    final ReadOnlyStringWrapper batchText = new ReadOnlyStringWrapper(this, "batchText");
    final ReadOnlyStringWrapper regularization = new ReadOnlyStringWrapper(this, "regularization");
    final ReadOnlyStringWrapper regularizationRateText = new ReadOnlyStringWrapper(this, "regularizationRateText");
    final ReadOnlyStringWrapper init = new ReadOnlyStringWrapper(this, "init");
    final ReadOnlyStringWrapper seedText = new ReadOnlyStringWrapper(this, "seedText");
    final ReadOnlyObjectWrapper<List<String>> features = new ReadOnlyObjectWrapper<>(this, "features", List.of());
    final ReadOnlyBooleanWrapper discretize = new ReadOnlyBooleanWrapper(this, "discretize");
    final ReadOnlyObjectWrapper<Notice> inputError = new ReadOnlyObjectWrapper<>(this, "inputError");
    final ReadOnlyObjectWrapper<MapPoint> chosenPoint = new ReadOnlyObjectWrapper<>(this, "chosenPoint");

    /** The lesson the set-up started from. */
    public ReadOnlyStringProperty lessonIdProperty() {
        return lessonId.getReadOnlyProperty();
    }

    /** True once the set-up differs from its lesson's (network, data or training). */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    /** What the set-up is now, in a few words (shown when it no longer is the lesson's). */
    public ReadOnlyObjectProperty<Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The lesson's text, or once the set-up was changed, what it is now and which lesson it came from. */
    public ReadOnlyObjectProperty<Phrase> lessonTextProperty() {
        return lessonText.getReadOnlyProperty();
    }

    /** The data shape's id, or null for the user's own points. */
    public ReadOnlyStringProperty shapeProperty() {
        return shape.getReadOnlyProperty();
    }

    /** Noise as a fraction, 0 to 0.5. */
    public ReadOnlyDoubleProperty noiseProperty() {
        return noise.getReadOnlyProperty();
    }

    /** The share of points used for training, 0.1 to 0.9. */
    public ReadOnlyDoubleProperty trainSplitProperty() {
        return trainSplit.getReadOnlyProperty();
    }

    /** The classes a click may add (empty for regression). */
    public ReadOnlyObjectProperty<List<Integer>> pointClassesProperty() {
        return pointClasses.getReadOnlyProperty();
    }

    /** The hidden layers, first first. */
    public ReadOnlyObjectProperty<List<LayerRow>> layersProperty() {
        return layers.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty optimizerProperty() {
        return optimizer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty learningRateTextProperty() {
        return learningRateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty batchTextProperty() {
        return batchText.getReadOnlyProperty();
    }

    /** "none", "l1" or "l2". */
    public ReadOnlyStringProperty regularizationProperty() {
        return regularization.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty regularizationRateTextProperty() {
        return regularizationRateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty initProperty() {
        return init.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seedTextProperty() {
        return seedText.getReadOnlyProperty();
    }

    /** The ids of the input features switched on. */
    public ReadOnlyObjectProperty<List<String>> featuresProperty() {
        return features.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty discretizeProperty() {
        return discretize.getReadOnlyProperty();
    }

    /** Why the last value typed or chosen was refused, or null. */
    public ReadOnlyObjectProperty<Notice> inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    /** The point chosen with Shift+click (to step through), or null. */
    public ReadOnlyObjectProperty<MapPoint> chosenPointProperty() {
        return chosenPoint.getReadOnlyProperty();
    }
}
