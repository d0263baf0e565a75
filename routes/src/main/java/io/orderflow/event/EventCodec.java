package io.orderflow.event;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.orderflow.contract.EventType;

/** Turns events into JSON and back, strictly: anything that is not a well-formed event is rejected. */
public final class EventCodec {

    private final ObjectMapper mapper;
    private final Clock clock;

    public EventCodec(Clock clock) {
        this.clock = clock;
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // a quantity of 1.5 is not 1 (a missing one reads as 0, which the rules refuse)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // money keeps its scale on the wire: 100.00 stays 100.00, not 100.0
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    public EventCodec() {
        this(Clock.systemUTC());
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** A new event with a new id ({@link TimeOrderedIds#next()}), as published by the REST API. */
    public EventEnvelope newEvent(EventType type, String orderId, String correlationId, Record payload) {
        return envelope(TimeOrderedIds.next(), type, orderId, correlationId, payload);
    }

    /** An event caused by {@code cause}; see {@link EventEnvelope#derivedEventId}. */
    public EventEnvelope causedBy(EventEnvelope cause, EventType type, Record payload) {
        return envelope(cause.derivedEventId(type), type, cause.orderId(), cause.correlationId(), payload);
    }

    private EventEnvelope envelope(UUID id, EventType type, String orderId, String correlationId, Record payload) {
        return new EventEnvelope(id, type, orderId, Instant.now(clock), correlationId, payload);
    }

    public String encode(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + envelope.type(), e);
        }
    }

    /**
     * Reads an event and its payload as the record its type names, and checks both: shape and rules are checked
     * here, on every record of every stage, not deep inside one stage.
     * <p>
     * One pass over the bytes: the envelope's fields are read as they come and the payload is kept as Jackson's
     * token buffer until the type is known, then read straight into its record. Reading the whole event as a tree
     * first and converting the payload's tree after was 7 % of the stage threads' CPU (JFR). The checks keep the
     * tree's order: the document must be well-formed JSON first, then the envelope, then the payload.
     */
    public EventEnvelope decode(byte[] json) {
        RawEnvelope raw;
        try (JsonParser parser = mapper.createParser(json)) {
            raw = RawEnvelope.read(parser);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
            throw new InvalidEventException("not JSON: " + reason, e);
        }
        EventType type = parseType(required(raw.type, "type"));
        UUID eventId = parseUuid(required(raw.eventId, "eventId"));
        Instant occurredAt = parseInstant(required(raw.occurredAt, "occurredAt"));
        if (raw.payload == null) {
            throw new InvalidEventException("missing field 'payload'");
        }
        if (raw.orderId == null && type != EventType.CartItemAdded) {
            throw new InvalidEventException("missing field 'orderId' on " + type);
        }
        EventEnvelope envelope = new EventEnvelope(eventId, type, raw.orderId, occurredAt, raw.correlationId,
                payload(type, raw.payload));
        EventValidation.check(envelope);
        return envelope;
    }

    private Record payload(EventType type, TokenBuffer payload) {
        try (JsonParser parser = payload.asParser(mapper)) {
            return mapper.readValue(parser, Payloads.typeOf(type));
        } catch (IOException | IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new InvalidEventException("bad " + type + " payload: " + root.getMessage(), e);
        }
    }

    /** An event's top-level fields as read; a field of another JSON type than the one it must have reads as absent. */
    private static final class RawEnvelope {

        private String type;
        private String eventId;
        private String occurredAt;
        private String orderId;
        private String correlationId;
        private TokenBuffer payload;

        static RawEnvelope read(JsonParser parser) throws IOException {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                if (first != null) {
                    parser.skipChildren(); // what is not well-formed stays "not JSON"
                }
                throw new InvalidEventException("event is not a JSON object");
            }
            RawEnvelope raw = new RawEnvelope();
            // a repeated field counts as its last value, as in a tree
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "type" -> raw.type = text(parser, value);
                    case "eventId" -> raw.eventId = text(parser, value);
                    case "occurredAt" -> raw.occurredAt = text(parser, value);
                    case "orderId" -> raw.orderId = text(parser, value);
                    case "correlationId" -> raw.correlationId = text(parser, value);
                    case "payload" -> raw.payload = value == JsonToken.START_OBJECT
                            ? TokenBuffer.asCopyOfValue(parser) : skip(parser);
                    default -> parser.skipChildren();
                }
            }
            return raw;
        }

        private static String text(JsonParser parser, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            parser.skipChildren();
            return null;
        }

        private static TokenBuffer skip(JsonParser parser) throws IOException {
            parser.skipChildren();
            return null;
        }
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidEventException("missing field '" + field + "'");
        }
        return text;
    }

    private static EventType parseType(String type) {
        try {
            return EventType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("unknown event type '" + type + "'", e);
        }
    }

    private static UUID parseUuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("eventId is not a UUID: '" + id + "'", e);
        }
    }

    private static Instant parseInstant(String at) {
        try {
            return UtcInstants.parse(at);
        } catch (RuntimeException e) {
            throw new InvalidEventException("occurredAt is not ISO-8601: '" + at + "'", e);
        }
    }
}
