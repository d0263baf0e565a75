package io.orderflow.console.deadletter;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.orderflow.console.api.AppPoll;
import io.orderflow.console.api.OrderflowApi;
import io.orderflow.console.api.ReplayJob;
import io.orderflow.console.ui.Fx;

/**
 * The app's replay jobs as the console follows them: the recent ones, and the one shown with its progress (the job
 * this console just started, or after a console restart the newest one still running). Jobs are the app's, so all
 * of this is read back from it each round. FX thread only.
 */
public final class ReplayJobWatch {

    static final int RECENT = 20;

    private final OrderflowApi api;
    private final ObservableList<ReplayJob> recent = FXCollections.observableArrayList();
    private final ObjectProperty<ReplayJob> followed = new SimpleObjectProperty<>();
    private final ObjectProperty<ReplayJob> ended = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    /** The followed job's id for the polling thread. */
    private volatile String followedId;

    public ReplayJobWatch(OrderflowApi api) {
        this.api = api;
    }

    /**
     * One polling round, for a background schedule: the recent jobs, then the followed one in full (with the items it
     * did not replay). Failures show elsewhere (the inbox, the app's status).
     */
    public Runnable poll() {
        Runnable list = AppPoll.of(() -> api.replayJobs(RECENT), this::update, failure -> { });
        return () -> {
            list.run();
            String id = followedId;
            if (id != null) {
                AppPoll.of(() -> api.replayJob(id), this::replace, failure -> { }).run();
            }
        };
    }

    void update(List<ReplayJob> jobs) {
        recent.setAll(jobs);
        if (followed.get() == null) {
            jobs.stream().filter(job -> !job.ended()).findFirst().ifPresent(this::follow);
        }
    }

    void follow(ReplayJob job) {
        error.set("");
        followed.set(job);
        followedId = job.id();
    }

    /** Stops showing an ended job; the jobs list keeps it. */
    void dismiss() {
        followed.set(null);
        followedId = null;
    }

    void cancel() {
        ReplayJob job = followed.get();
        if (job == null) {
            return;
        }
        Fx.whenDone(api.cancelReplay(job.id()), this::replace,
                failure -> error.set("Could not cancel: " + AppPoll.explain(failure)));
    }

    private void replace(ReplayJob job) {
        ReplayJob before = followed.get();
        if (before == null || !before.id().equals(job.id())) {
            return; // an answer about a job no longer followed
        }
        followed.set(job);
        if (job.ended() && before != null && !before.ended()) {
            ended.set(job);
        }
    }

    ObservableList<ReplayJob> recent() {
        return recent;
    }

    ReadOnlyObjectProperty<ReplayJob> followedProperty() {
        return followed;
    }

    /** The followed job, set once when it is seen to end. */
    ReadOnlyObjectProperty<ReplayJob> endedProperty() {
        return ended;
    }

    StringProperty errorProperty() {
        return error;
    }
}
