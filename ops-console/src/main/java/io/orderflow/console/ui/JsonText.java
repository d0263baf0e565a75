package io.orderflow.console.ui;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Pretty-printed JSON for the detail panes; anything that is not JSON is shown as it is. */
public final class JsonText {

    /** Numbers are shown as written: a price of 12.50 must not turn into 12.5. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
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
