package io.orderflow.app.deadletter;

import static io.orderflow.app.database.Timestamps.read;
import static io.orderflow.app.database.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.event.EventCodec;

/** The dead-letter index in the database: what failed, and what operators did about it. */
@Repository
public class DeadLetterStore {

    public record Page(long total, List<DeadLetter> items) {
    }

    public record Group(String originalTopic, String exceptionClass, long pending, long total) {
    }

    /** Dead letters written by one consumer group, and when its latest one failed. */
    public record GroupCount(String consumerGroup, long pending, long total, Instant lastFailedAt) {
    }

    /** A header as it was on the DLT record (JSON writes the bytes as base64). */
    public record RawHeader(String name, byte[] value) {
    }

    /**
     * A stored record with the exact bytes to resend on replay: value, key and headers as they were on the DLT.
     * {@code key} and {@code headers} are null for records indexed before the raw columns existed.
     */
    public record Stored(DeadLetter deadLetter, byte[] payload, byte[] key, List<RawHeader> headers) {
    }

    private static final String COLUMNS = """
            id, dlt_topic, dlt_partition, dlt_offset, original_topic, original_partition, original_offset,
            original_timestamp, consumer_group, route_id, exception_class, exception_message, stacktrace, attempts,
            failed_at, record_key, order_id, event_type, payload, headers_json, replay_count, state, resolution,
            resolved_by, resolved_at, record_key_bytes, headers_raw""";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public DeadLetterStore(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.mapper = codec.mapper();
    }

    /** Idempotent: re-reading a DLT record after a restart or rebalance adds nothing. */
    public boolean insertIfAbsent(Stored stored) {
        DeadLetter d = stored.deadLetter();
        boolean exists = jdbc.sql("select count(*) from dead_letters where id = ?").param(d.id())
                .query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        jdbc.sql("insert into dead_letters (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.dltTopic(), d.dltPartition(), d.dltOffset(), d.originalTopic(),
                        d.originalPartition(), d.originalOffset(), utc(d.originalTimestamp()), d.consumerGroup(),
                        d.routeId(), truncate(d.exceptionClass(), 500), truncate(d.exceptionMessage(), 4000),
                        d.stacktrace(), d.attempts(), utc(d.failedAt()), truncate(d.key(), 1000),
                        truncate(d.orderId(), 255), truncate(d.eventType(), 100), stored.payload(),
                        json(d.headers()), d.replayCount(), d.state().name(), null, null, null, stored.key(),
                        stored.headers() == null ? null : json(stored.headers()))
                .update();
        return true;
    }

    public Page find(DeadLetterFilter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        long total = jdbc.sql("select count(*) from dead_letters" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add((long) page * size);
        pageParams.add(size);
        List<DeadLetter> items = jdbc.sql("select " + COLUMNS + " from dead_letters" + where
                        + " order by failed_at desc, id offset ? rows fetch next ? rows only")
                .params(pageParams)
                .query((rs, row) -> map(rs).deadLetter())
                .list();
        return new Page(total, items);
    }

    /** Matching records with their bytes, oldest first, so a bulk replay keeps the original order. */
    public List<Stored> select(DeadLetterFilter filter, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        return jdbc.sql("select " + COLUMNS + " from dead_letters" + where
                        + " order by failed_at, dlt_offset fetch first ? rows only")
                .params(params)
                .query((rs, row) -> map(rs))
                .list();
    }

    public List<Stored> byIds(Collection<String> ids) {
        List<Stored> found = new ArrayList<>();
        for (String id : ids) {
            jdbc.sql("select " + COLUMNS + " from dead_letters where id = ?").param(id)
                    .query((rs, row) -> map(rs)).optional().ifPresent(found::add);
        }
        return found;
    }

    public void resolve(String id, DeadLetter.State state, String resolution, String actor, Instant at) {
        jdbc.sql("update dead_letters set state = ?, resolution = ?, resolved_by = ?, resolved_at = ? where id = ?")
                .params(state.name(), truncate(resolution, 1000), actor, utc(at), id)
                .update();
    }

    public List<Group> groups() {
        return jdbc.sql("""
                select original_topic, exception_class,
                       sum(case when state = 'PENDING' then 1 else 0 end) as pending, count(*) as total
                from dead_letters group by original_topic, exception_class
                order by original_topic, exception_class""")
                .query((rs, row) -> new Group(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Counts per original consumer group: what a stage has dead-lettered, for the console's stage figures. */
    public List<GroupCount> countsByConsumerGroup() {
        return jdbc.sql("""
                select coalesce(consumer_group, '(unknown)') as consumer_group,
                       sum(case when state = 'PENDING' then 1 else 0 end) as pending, count(*) as total,
                       max(failed_at) as last_failed_at
                from dead_letters group by coalesce(consumer_group, '(unknown)') order by 1""")
                .query((rs, row) -> new GroupCount(rs.getString("consumer_group"), rs.getLong("pending"),
                        rs.getLong("total"), read(rs, "last_failed_at")))
                .list();
    }

    private static String where(DeadLetterFilter filter, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (filter.topic() != null) {
            clauses.add("original_topic = ?");
            params.add(filter.topic());
        }
        if (filter.exception() != null) {
            clauses.add("lower(exception_class) like ?");
            params.add("%" + filter.exception().toLowerCase() + "%");
        }
        if (filter.orderId() != null) {
            clauses.add("(order_id = ? or record_key = ?)");
            params.add(filter.orderId());
            params.add(filter.orderId());
        }
        if (filter.from() != null) {
            clauses.add("failed_at >= ?");
            params.add(utc(filter.from()));
        }
        if (filter.to() != null) {
            clauses.add("failed_at < ?");
            params.add(utc(filter.to()));
        }
        if (filter.state() != null) {
            clauses.add("state = ?");
            params.add(filter.state().name());
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private Stored map(ResultSet rs) throws SQLException {
        byte[] payload = rs.getBytes("payload");
        DeadLetter d = new DeadLetter(rs.getString("id"), rs.getString("dlt_topic"), rs.getInt("dlt_partition"),
                rs.getLong("dlt_offset"), rs.getString("original_topic"),
                rs.getObject("original_partition", Integer.class), rs.getObject("original_offset", Long.class),
                read(rs, "original_timestamp"), rs.getString("consumer_group"), rs.getString("route_id"),
                rs.getString("exception_class"), rs.getString("exception_message"), rs.getString("stacktrace"),
                rs.getObject("attempts", Integer.class), read(rs, "failed_at"), rs.getString("record_key"),
                rs.getString("order_id"), rs.getString("event_type"),
                new String(payload, StandardCharsets.UTF_8), headers(rs.getString("headers_json")),
                rs.getInt("replay_count"), DeadLetter.State.valueOf(rs.getString("state")),
                rs.getString("resolution"), rs.getString("resolved_by"), read(rs, "resolved_at"));
        String rawHeaders = rs.getString("headers_raw");
        return new Stored(d, payload, rs.getBytes("record_key_bytes"), rawHeaders == null ? null : rawHeaders(rawHeaders));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> headers(String json) {
        try {
            return mapper.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt headers_json", e);
        }
    }

    private List<RawHeader> rawHeaders(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<RawHeader>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt headers_raw", e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
