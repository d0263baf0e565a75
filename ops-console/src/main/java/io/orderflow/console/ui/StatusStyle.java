package io.orderflow.console.ui;

import java.util.List;

import javafx.scene.Node;

/**
 * Status colours by style class, so every view colours OK/WARN/ERR (and the Burrow partition statuses, and
 * dependency states) alike, and the stylesheet alone decides what they look like.
 */
public final class StatusStyle {

    public static final String OK = "status-ok";
    public static final String WARN = "status-warn";
    public static final String ERR = "status-err";
    public static final String UNKNOWN = "status-unknown";
    private static final List<String> ALL = List.of(OK, WARN, ERR, UNKNOWN);

    private StatusStyle() {
    }

    /**
     * Maps a status name (OK, WARN, ERR, STOP, STALL, REWIND, UP, DOWN, replay job and Camel route states, ...) to
     * its colour class.
     */
    public static String classFor(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "OK", "UP", "REPLAYED", "WOULD_REPLAY", "DONE", "Started" -> OK;
            case "WARN", "PENDING", "CONNECTING", "CANCELLED", "CANCELLING", "Suspended" -> WARN;
            case "ERR", "STOP", "STALL", "REWIND", "DOWN", "REFUSED", "FAILED", "INTERRUPTED", "Stopped" -> ERR;
            default -> UNKNOWN;
        };
    }

    public static void apply(Node node, String status) {
        node.getStyleClass().removeAll(ALL);
        String styleClass = classFor(status);
        if (styleClass != null) {
            node.getStyleClass().add(styleClass);
        }
    }
}
