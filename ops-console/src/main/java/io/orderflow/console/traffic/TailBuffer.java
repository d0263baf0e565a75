package io.orderflow.console.traffic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.orderflow.console.kafka.EventRecord;

/**
 * The live tail's records in time order, bounded by count and by bytes: the oldest go first. Records usually
 * arrive newer than everything held and are appended as one change; a partition fetched late is inserted where its
 * timestamps belong, so records from several partitions and topics read as one timeline. FX thread only.
 */
final class TailBuffer {

    static final Comparator<EventRecord> TIME_ORDER = Comparator.comparingLong(EventRecord::timestamp)
            .thenComparing(EventRecord::topic)
            .thenComparingInt(EventRecord::partition)
            .thenComparingLong(EventRecord::offset);

    private final ObservableList<EventRecord> records = FXCollections.observableArrayList();
    private final int capacity;
    private final long maxBytes;
    private long bytes;

    TailBuffer(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    ObservableList<EventRecord> records() {
        return records;
    }

    void addAll(List<EventRecord> batch) {
        List<EventRecord> sorted = new ArrayList<>(batch);
        sorted.sort(TIME_ORDER);
        List<EventRecord> appended = new ArrayList<>();
        for (EventRecord record : sorted) {
            EventRecord newest = !appended.isEmpty() ? appended.get(appended.size() - 1)
                    : records.isEmpty() ? null : records.get(records.size() - 1);
            if (newest == null || TIME_ORDER.compare(record, newest) >= 0) {
                appended.add(record);
            } else {
                int at = Collections.binarySearch(records, record, TIME_ORDER);
                records.add(at < 0 ? -at - 1 : at, record);
            }
            bytes += record.retainedBytes();
        }
        records.addAll(appended);
        evict();
    }

    private void evict() {
        int drop = 0;
        while (records.size() - drop > capacity || (bytes > maxBytes && drop < records.size())) {
            bytes -= records.get(drop).retainedBytes();
            drop++;
        }
        if (drop > 0) {
            records.remove(0, drop);
        }
    }

    void clear() {
        records.clear();
        bytes = 0;
    }
}
