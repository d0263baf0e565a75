package io.orderflow.console.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.ui.Format;

/**
 * Order counts per status from the app, one tile per status in lifecycle order, plus the total; a tile opens the
 * recent orders of its status.
 */
final class OrdersByStatus extends HBox {

    static final List<String> LIFECYCLE = List.of("CREATED", "PAID", "PAYMENT_FAILED", "DISPATCHED", "DELIVERED");

    private final Consumer<String> openStatus;

    /** {@code openStatus} gets the status of a clicked tile, null for the total. */
    OrdersByStatus(Consumer<String> openStatus) {
        this.openStatus = openStatus;
        setId("orders-by-status");
        getStyleClass().add("tiles");
        List<VBox> tiles = new ArrayList<>();
        LIFECYCLE.forEach(status -> tiles.add(tile(status, Format.NONE)));
        tiles.add(tile("TOTAL", Format.NONE));
        getChildren().setAll(tiles);
    }

    /** Until the app first answers, the tiles show dashes rather than counts of zero. */
    void show(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        LIFECYCLE.forEach(status -> ordered.put(status, counts.getOrDefault(status, 0L)));
        counts.forEach(ordered::putIfAbsent);
        List<VBox> tiles = new ArrayList<>();
        ordered.forEach((status, count) -> tiles.add(tile(status, Format.count(count))));
        tiles.add(tile("TOTAL", Format.count(counts.values().stream().mapToLong(Long::longValue).sum())));
        getChildren().setAll(tiles);
    }

    private VBox tile(String status, String count) {
        Label value = new Label(count);
        value.setId("orders-" + status);
        value.getStyleClass().add("tile-value");
        Label name = new Label(status.replace('_', ' '));
        name.getStyleClass().add("caption");
        VBox tile = new VBox(value, name);
        tile.getStyleClass().addAll("tile", "tile-" + status.toLowerCase(Locale.ROOT).replace('_', '-'));
        HBox.setHgrow(tile, Priority.ALWAYS);
        tile.setMaxWidth(Double.MAX_VALUE);
        tile.setOnMouseClicked(e -> openStatus.accept(status.equals("TOTAL") ? null : status));
        return tile;
    }
}
