package io.orderflow.console.deadletter;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.orderflow.console.api.ReplayJob;
import io.orderflow.console.ui.StatusStyle;

/**
 * The followed replay job: a progress bar, what was sent, refused and failed so far, and a way to cancel it while it
 * runs; when it ended, its outcome as the app reports it until dismissed. Hidden while no job is followed.
 */
final class ReplayJobBar extends VBox {

    private static final int PROBLEM_LINES = 3;

    private final ProgressBar progress = new ProgressBar(0);
    private final Label summary = new Label();
    private final Label counts = new Label();
    private final Label detail = new Label();
    private final Button cancel = new Button("Cancel replay");
    private final Button dismiss = new Button("Dismiss");

    ReplayJobBar(ReplayJobWatch watch) {
        setId("replay-job");
        getStyleClass().add("replay-job");
        progress.setId("replay-job-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        summary.setId("replay-job-summary");
        summary.getStyleClass().add("detail-title");
        summary.setWrapText(true);
        summary.setMinHeight(USE_PREF_SIZE);
        counts.setId("replay-job-counts");
        detail.setId("replay-job-detail");
        detail.setWrapText(true);
        detail.setMinHeight(USE_PREF_SIZE);
        cancel.setId("replay-job-cancel");
        cancel.setMinWidth(USE_PREF_SIZE);
        cancel.setOnAction(e -> watch.cancel());
        dismiss.setId("replay-job-dismiss");
        dismiss.setMinWidth(USE_PREF_SIZE);
        dismiss.setOnAction(e -> watch.dismiss());
        HBox bar = new HBox(progress, cancel, dismiss);
        bar.getStyleClass().add("toolbar");
        Label error = new Label();
        error.setId("replay-job-error");
        error.textProperty().bind(watch.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        StatusStyle.apply(error, "ERR");
        getChildren().setAll(summary, bar, counts, detail, error);

        managedProperty().bind(visibleProperty());
        watch.followedProperty().addListener((obs, old, job) -> show(job));
        show(watch.followedProperty().get());
    }

    private void show(ReplayJob job) {
        setVisible(job != null);
        if (job == null) {
            return;
        }
        progress.setProgress(job.progress());
        summary.setText(headline(job));
        counts.setText("sent " + job.sent() + " · refused " + job.refused() + " · failed " + job.failed()
                + " · not sent yet " + job.remaining() + " · of " + job.selected() + " at " + job.ratePerSecond()
                + "/s · by " + job.requestedBy());
        detail.setText(details(job));
        detail.setVisible(!detail.getText().isEmpty());
        detail.setManaged(detail.isVisible());
        cancel.setVisible(!job.ended());
        cancel.setManaged(cancel.isVisible());
        dismiss.setVisible(job.ended());
        dismiss.setManaged(dismiss.isVisible());
        cancel.setDisable(job.state().equals("CANCELLING"));
        StatusStyle.apply(this, status(job));
    }

    static String headline(ReplayJob job) {
        return switch (job.state()) {
            case "QUEUED" -> "Replay queued: " + job.selected() + " dead letters";
            case "RUNNING" -> "Replaying: " + (job.selected() - job.remaining()) + " of " + job.selected() + " done";
            case "CANCELLING" -> "Cancelling after the record in flight…";
            case "DONE" -> "Replay finished: sent " + job.sent() + " of " + job.selected()
                    + (job.refused() + job.failed() > 0 ? ", " + job.refused() + " refused, " + job.failed() + " failed"
                    : "") + ".";
            case "CANCELLED" -> "Replay cancelled: sent " + job.sent() + " of " + job.selected() + ", "
                    + job.remaining() + " not sent.";
            case "FAILED" -> "Replay stopped: sent " + job.sent() + " of " + job.selected() + ", " + job.remaining()
                    + " not sent.";
            case "INTERRUPTED" -> "Replay interrupted by an app restart: sent " + job.sent() + " of " + job.selected()
                    + ", " + job.remaining() + " not sent.";
            default -> "Replay " + job.state();
        };
    }

    private static String details(ReplayJob job) {
        List<String> lines = new ArrayList<>();
        if (job.detail() != null) {
            lines.add(job.detail());
        }
        List<ReplayJob.Problem> problems = job.problems() == null ? List.of() : job.problems();
        problems.stream().limit(PROBLEM_LINES)
                .forEach(p -> lines.add(p.outcome() + "  " + p.deadLetterId() + "  (" + p.reason() + ")"));
        if (problems.size() > PROBLEM_LINES) {
            lines.add("… and " + (problems.size() - PROBLEM_LINES) + " more");
        }
        return String.join("\n", lines);
    }

    private static String status(ReplayJob job) {
        if (!job.ended()) {
            return "PENDING";
        }
        return switch (job.state()) {
            case "DONE" -> job.refused() + job.failed() == 0 ? "OK" : "WARN";
            case "CANCELLED" -> "WARN";
            default -> "ERR";
        };
    }
}
