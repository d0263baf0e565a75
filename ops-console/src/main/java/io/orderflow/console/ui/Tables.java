package io.orderflow.console.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Column building for the console's read-only tables: values come from the row by a function, widths in em. */
public final class Tables {

    private Tables() {
    }

    public static <S, T> TableColumn<S, T> column(String title, double widthEm, Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(Em.em(widthEm));
        return column;
    }

    /** A right-aligned column shown as text by {@code text} but sorted by the underlying number. */
    public static <S, N extends Comparable<N>> TableColumn<S, N> numeric(String title, double widthEm,
                                                                        Function<S, N> value, Function<N, String> text) {
        TableColumn<S, N> column = column(title, widthEm, value);
        column.getStyleClass().add("numeric");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(N item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? Format.NONE : text.apply(item));
            }
        });
        return column;
    }

    /**
     * A column of ids (orders, record keys) too narrow for a whole one: cut in the middle, not at the end. The
     * application's ids begin with their creation time (UUID version 7), so ids made in the same minute share their
     * first characters and differ at the end.
     */
    public static <S> TableColumn<S, String> identifier(String title, double widthEm, Function<S, String> id) {
        TableColumn<S, String> column = column(title, widthEm, id);
        column.setCellFactory(c -> new TableCell<>() {
            {
                setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return column;
    }

    /** A column whose cells carry a status colour (see {@link StatusStyle}). */
    public static <S> TableColumn<S, String> status(String title, double widthEm, Function<S, String> status) {
        TableColumn<S, String> column = column(title, widthEm, status);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                StatusStyle.apply(this, empty ? null : item);
            }
        });
        return column;
    }

    /**
     * Replaces a table's rows with fresh copies, keeping the selection on the rows with the same keys: samplers
     * and reloads produce new row objects each time, which would otherwise drop what the operator selected.
     */
    public static <S> void replaceKeepingSelection(TableView<S> table, List<S> rows, Function<S, ?> key) {
        Set<Object> selected = new HashSet<>();
        table.getSelectionModel().getSelectedItems().forEach(row -> selected.add(key.apply(row)));
        table.getItems().setAll(rows);
        for (int i = 0; i < rows.size(); i++) {
            if (selected.contains(key.apply(rows.get(i)))) {
                table.getSelectionModel().select(i);
            }
        }
    }

    public static <S> TableView<S> table(String id, String emptyText) {
        TableView<S> table = new TableView<>();
        table.setId(id);
        table.setPlaceholder(new Label(emptyText));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }
}
