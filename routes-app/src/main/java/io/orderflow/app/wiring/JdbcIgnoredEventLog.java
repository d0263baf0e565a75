package io.orderflow.app.wiring;

import static io.orderflow.app.database.Timestamps.utc;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.orderflow.reliability.IgnoredEventLog;
import io.orderflow.reliability.IgnoredReason;
import io.orderflow.reliability.ConsumedEvent;

@Repository
public class JdbcIgnoredEventLog implements IgnoredEventLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcIgnoredEventLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(String consumer, ConsumedEvent input, IgnoredReason reason) {
        jdbc.sql("""
                insert into ignored_events (consumer, event_id, event_type, order_id, reason, topic, kafka_partition,
                                            kafka_offset, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(consumer, input.event().eventId().toString(), input.event().type().name(),
                        input.event().orderId(), reason.name(), input.topic(), input.partition(), input.offset(),
                        utc(clock.instant()))
                .update();
    }
}
