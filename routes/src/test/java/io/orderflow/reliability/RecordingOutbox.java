package io.orderflow.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.orderflow.event.EventCodec;
import io.orderflow.event.EventEnvelope;
import io.orderflow.outbox.Outbox;
import io.orderflow.outbox.OutboxRecord;

/** An outbox that keeps what was added, for route unit tests; it does not roll back. */
public final class RecordingOutbox implements Outbox {

    private final List<OutboxRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void add(OutboxRecord record) {
        records.add(record);
    }

    public List<OutboxRecord> to(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    public List<EventEnvelope> events(String topic, EventCodec codec) {
        return to(topic).stream().map(r -> codec.decode(r.value())).toList();
    }

    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
