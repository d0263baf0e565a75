package io.orderflow.console.lag;

import javafx.scene.control.ListCell;

import io.orderflow.console.ui.Format;
import io.orderflow.console.ui.StatusStyle;

/** One alert in a list: when, which group, the change, and the partition that caused it. */
public final class AlertCell extends ListCell<Alert> {

    public AlertCell() {
        setWrapText(true);
        // with a preferred width of 0 the list sizes the cell to its own width, so long alerts wrap instead of
        // scrolling sideways
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Alert alert, boolean empty) {
        super.updateItem(alert, empty);
        if (empty || alert == null) {
            setText(null);
            StatusStyle.apply(this, null);
            return;
        }
        setText(Format.time(alert.at()) + "  " + alert.headline() + "\n" + alert.detail());
        StatusStyle.apply(this, alert.to().asGroupStatus().name());
    }
}
