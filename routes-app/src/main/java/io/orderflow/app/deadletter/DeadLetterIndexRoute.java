package io.orderflow.app.deadletter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.common.header.Headers;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.app.InstanceId;
import io.orderflow.contract.ConsumerGroup;
import io.orderflow.contract.DltHeaders;
import io.orderflow.contract.EventHeaders;
import io.orderflow.contract.Topic;
import io.orderflow.event.EventCodec;
import io.orderflow.kafka.KafkaUris;
import io.orderflow.reliability.BatchBackoff;
import io.orderflow.reliability.BatchTransactions;
import io.orderflow.reliability.TransactionalBatch;

/**
 * Copies every dead-letter record's metadata into the database so operators can filter, page and act on them.
 * Like the stages it reads batches and commits their offsets after the batch's transaction, so the group's lag
 * says how far the index is behind. An index must never skip a record, so this route has no dead-letter topic of
 * its own: a batch that fails (database down) is rolled back and read again, after a pause, until it is stored.
 */
@Component
public class DeadLetterIndexRoute extends RouteBuilder {

    public static final String ROUTE_ID = "dead-letter-index";
    private static final int INDEX_BATCH_WAIT_MS = 50;

    private final DeadLetterStore store;
    private final ObjectMapper mapper;
    private final BatchTransactions transactions;
    private final InstanceId instance;

    public DeadLetterIndexRoute(DeadLetterStore store, EventCodec codec, BatchTransactions transactions,
                                InstanceId instance) {
        this.store = store;
        this.mapper = codec.mapper();
        this.transactions = transactions;
        this.instance = instance;
    }

    @Override
    public void configure() {
        ConsumerGroup group = ConsumerGroup.DEAD_LETTER_INDEX;
        // dead letters reach the API a moment later than a stage's events would; that moment saves idle polling
        from(KafkaUris.batchConsumer(group, group.groupId() + "-" + instance.name(), 1, INDEX_BATCH_WAIT_MS))
                .routeId(ROUTE_ID)
                .errorHandler(noErrorHandler())
                .process(new TransactionalBatch(ROUTE_ID, transactions, this::index, new BatchBackoff(500, 10_000)));
    }

    private void index(Exchange exchange) {
        Message m = exchange.getMessage();
        byte[] payload = m.getBody(byte[].class);
        if (payload == null) {
            payload = new byte[0];
        }
        // the record's own headers, in order and with their bytes, rather than Camel's copy of them
        List<DeadLetterStore.RawHeader> recordHeaders = new ArrayList<>();
        Headers kafkaHeaders = m.getHeader(KafkaConstants.HEADERS, Headers.class);
        if (kafkaHeaders != null) {
            kafkaHeaders.forEach(h -> recordHeaders.add(new DeadLetterStore.RawHeader(h.key(),
                    h.value() == null ? new byte[0] : h.value())));
        }
        Map<String, byte[]> raw = new LinkedHashMap<>();
        recordHeaders.forEach(h -> raw.put(h.name(), h.value()));
        String dltTopic = m.getHeader(KafkaConstants.TOPIC, String.class);
        int partition = m.getHeader(KafkaConstants.PARTITION, Integer.class);
        long offset = m.getHeader(KafkaConstants.OFFSET, Long.class);
        byte[] keyBytes = m.getHeader(KafkaConstants.KEY, byte[].class);
        String key = ReadableBytes.of(keyBytes);
        String originalTopic = DltHeaders.readUtf8(raw.get(DltHeaders.ORIGINAL_TOPIC));
        if (originalTopic == null) {
            originalTopic = Topic.sourceOfDeadLetterTopic(dltTopic);
        }
        Long failedAt = DltHeaders.readInt64(raw.get(DltHeaders.FAILED_AT));
        Long originalTimestamp = DltHeaders.readInt64(raw.get(DltHeaders.ORIGINAL_TIMESTAMP));
        Integer replayCount = DltHeaders.readInt32(raw.get(DltHeaders.REPLAY_COUNT));
        JsonNode event = parse(payload);
        String eventType = DltHeaders.readUtf8(raw.get(EventHeaders.EVENT_TYPE));
        if (eventType == null && event != null && event.path("type").isTextual()) {
            eventType = event.get("type").asText();
        }
        String orderId = event != null && event.path("orderId").isTextual() ? event.get("orderId").asText() : key;

        DeadLetter deadLetter = new DeadLetter(DeadLetter.idOf(dltTopic, partition, offset), dltTopic, partition,
                offset, originalTopic, DltHeaders.readInt32(raw.get(DltHeaders.ORIGINAL_PARTITION)),
                DltHeaders.readInt64(raw.get(DltHeaders.ORIGINAL_OFFSET)),
                originalTimestamp == null ? null : Instant.ofEpochMilli(originalTimestamp),
                DltHeaders.readUtf8(raw.get(DltHeaders.ORIGINAL_CONSUMER_GROUP)),
                DltHeaders.readUtf8(raw.get(DltHeaders.ROUTE_ID)),
                DltHeaders.readUtf8(raw.get(DltHeaders.EXCEPTION_FQCN)),
                DltHeaders.readUtf8(raw.get(DltHeaders.EXCEPTION_MESSAGE)),
                DltHeaders.readUtf8(raw.get(DltHeaders.EXCEPTION_STACKTRACE)),
                DltHeaders.readInt32(raw.get(DltHeaders.ATTEMPTS)),
                Instant.ofEpochMilli(failedAt != null ? failedAt : m.getHeader(KafkaConstants.TIMESTAMP, Long.class)),
                key, orderId, eventType, null, readable(raw), replayCount == null ? 0 : replayCount,
                DeadLetter.State.PENDING, null, null, null);
        store.insertIfAbsent(new DeadLetterStore.Stored(deadLetter, payload, keyBytes, recordHeaders));
    }

    private JsonNode parse(byte[] payload) {
        try {
            JsonNode node = mapper.readTree(payload);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null; // the poison payload itself; shown raw
        }
    }

    /** Header values as text, decoding the numeric ones by the convention's widths. */
    private static Map<String, String> readable(Map<String, byte[]> raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            Object decoded = switch (DltHeaders.encodingOf(name)) {
                case INT32 -> DltHeaders.readInt32(value);
                case INT64, EPOCH_MILLIS -> DltHeaders.readInt64(value);
                case UTF8 -> ReadableBytes.of(value);
            };
            headers.put(name, String.valueOf(decoded));
        });
        return headers;
    }
}
