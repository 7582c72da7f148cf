package org.backproplab.ui;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Which keys are the lesson's (Space, the arrows, R, N, digits) and which belong to the control
 * they were typed in: text in a field, a slider's or a list's arrows. A tab header is not such a
 * control: the arrows step the lesson instead of switching tabs (Ctrl+Tab switches them). Space
 * is a button's own only where the keyboard took it there (Tab): a clicked button keeps the focus,
 * and Space after a click still plays.
 */
final class LessonKeys {
    private static final String OWN_ARROWS = "backproplab.ownArrows";

    private LessonKeys() {
    }

    /** Marks a node of the app's own that moves something with the arrow keys while it has the keyboard. */
    static void ownArrows(Node node) {
        node.getProperties().put(OWN_ARROWS, Boolean.TRUE);
    }

    /** Whether the key is for the window (F1, F5, Esc, Ctrl+Shift+E) and works even in a text field. */
    static boolean windowKey(KeyEvent e) {
        KeyCode code = e.getCode();
        return code == KeyCode.F1 || code == KeyCode.F5 || code == KeyCode.ESCAPE
                || (code == KeyCode.E && e.isShortcutDown() && e.isShiftDown());
    }

    /**
     * Whether the control that has the key uses it itself, so that the lesson leaves it alone. A
     * closed choice box does nothing with ← and →: after a choice the arrows step on.
     */
    static boolean forControl(KeyEvent e) {
        Object target = e.getTarget();
        if (target instanceof TextInputControl) {
            return true;
        }
        // Ctrl+R, Alt+N... are not the lesson's R and N
        if (e.isShortcutDown() || e.isAltDown() || e.isMetaDown()) {
            return true;
        }
        // a button reached with Tab is pressed with Space, as everywhere; one just clicked leaves Space to play
        if (e.getCode() == KeyCode.SPACE && target instanceof ButtonBase button && button.isFocusVisible()) {
            return true;
        }
        return e.getCode().isArrowKey() && (target instanceof Node n && n.getProperties().containsKey(OWN_ARROWS)
                || target instanceof Slider || target instanceof ListView || target instanceof TableView
                || target instanceof TreeView || target instanceof Spinner || target instanceof ScrollBar
                // radio buttons in a group move between themselves with the arrows
                || target instanceof javafx.scene.control.ToggleButton t && t.getToggleGroup() != null);
    }
}
