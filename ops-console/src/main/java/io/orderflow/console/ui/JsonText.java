package io.orderflow.console.ui;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Pretty-printed JSON for the detail panes; anything that is not JSON is shown as it is. */
public final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A text area with megabytes of text freezes the UI; more than this is cut with a note. */
    static final int MAX_CHARS = 200_000;

    private JsonText() {
    }

    public static String pretty(String text) {
        if (text == null) {
            return "";
        }
        String shown = text;
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                shown = JSON.writeValueAsString(JSON.readTree(trimmed));
            } catch (IOException e) {
                shown = text;
            }
        }
        return shown.length() > MAX_CHARS
                ? shown.substring(0, MAX_CHARS) + "\n… (" + Format.count(shown.length() - MAX_CHARS) + " more characters)"
                : shown;
    }
}
