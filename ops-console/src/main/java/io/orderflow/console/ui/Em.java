package io.orderflow.console.ui;

import javafx.scene.text.Font;

/**
 * Sizes in multiples of the default font size. Widths set in code scale with the text (a larger system font or
 * a HiDPI setting that enlarges it), the way the stylesheet's em units do.
 */
public final class Em {

    private Em() {
    }

    public static double em(double count) {
        return count * Font.getDefault().getSize();
    }
}
