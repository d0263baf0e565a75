package io.orderflow.console;

import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import io.orderflow.console.api.OperatorCredentials;
import io.orderflow.console.background.Reachability;
import io.orderflow.console.ui.StatusStyle;

/** The bottom line: whether Kafka and the app answer, and where the credentials came from (never the secret). */
final class StatusBar extends HBox {

    StatusBar(Reachability kafka, Reachability app, Optional<OperatorCredentials> token) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        Label tokenInfo = new Label(token.map(t -> "signed in with " + t.source())
                .orElse("no operator credentials: dead-letter actions will be refused"));
        tokenInfo.setId("status-token");
        StatusStyle.apply(tokenInfo, token.isPresent() ? null : "WARN");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().setAll(indicator("status-kafka", "Kafka", kafka), indicator("status-app", "App", app), gap,
                tokenInfo);
    }

    private static Label indicator(String id, String name, Reachability dependency) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("indicator");
        Tooltip detail = new Tooltip();
        label.setTooltip(detail);
        Runnable refresh = () -> {
            label.setText("● " + name + " " + dependency.target() + ": " + dependency.summaryProperty().get());
            detail.setText(dependency.detailProperty().get());
            StatusStyle.apply(label, dependency.stateProperty().get().name());
        };
        dependency.stateProperty().addListener((obs, old, now) -> refresh.run());
        dependency.detailProperty().addListener((obs, old, now) -> refresh.run());
        refresh.run();
        return label;
    }
}
