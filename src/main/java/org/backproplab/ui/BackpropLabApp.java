package org.backproplab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop app's main window. */
public class BackpropLabApp extends Application {
    public static final String TITLE = "Backprop Lab";

    @Override
    public void start(Stage stage) {
        stage.setScene(createScene());
        stage.setTitle(TITLE);
        stage.show();
    }

    /** The window's content, also used by the UI tests. */
    public static Scene createScene() {
        Label title = new Label(TITLE);
        title.setId("app-title");
        title.setStyle("-fx-font-size: 28px;");
        return new Scene(new StackPane(title), 1100, 720);
    }
}
