package io.orderflow.console.traffic;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

import io.orderflow.console.background.Feed;
import io.orderflow.console.background.Reachability;
import io.orderflow.console.ui.Banner;

/** The topic traffic view: rates and their history above, the live tail below. */
public final class TrafficView extends BorderPane {

    private final LiveTailPane tail;

    public TrafficView(Feed<TrafficSample> traffic, RateHistory history, LiveTail liveTail, Reachability kafka,
                       Consumer<String> traceOrder) {
        setId("traffic-view");
        TopicRatesPane rates = new TopicRatesPane(history);
        tail = new LiveTailPane(liveTail, traceOrder);
        traffic.subscribe(sample -> {
            rates.show(sample);
            tail.topicsAre(sample.topics().stream().map(TopicTraffic::topic).toList());
        });
        SplitPane split = new SplitPane(rates, tail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        setTop(kafka.banner("traffic-banner", "No traffic figures: Kafka at"));
        setCenter(split);
    }

    /** Writes the tail's selected records as JSON lines, as the export button does after asking for a file. */
    public void exportSelected(Path file) {
        tail.export(file);
    }
}
