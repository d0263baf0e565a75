package io.orderflow.app.outbox;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Record headers in a database row (the outbox, the dead-letter index): a JSON array of [name, base64] pairs, so
 * order, repeats and bytes survive.
 */
public final class OutboxHeaders {

    private final ObjectMapper mapper;

    public OutboxHeaders(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(List<Header> headers) {
        ArrayNode array = mapper.createArrayNode();
        for (Header header : headers) {
            array.addArray().add(header.key())
                    .add(header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
        }
        return array.toString();
    }

    public List<Header> read(String json) {
        try {
            List<Header> headers = new ArrayList<>();
            for (JsonNode pair : mapper.readTree(json)) {
                JsonNode value = pair.get(1);
                headers.add(new RecordHeader(pair.get(0).asText(),
                        value.isNull() ? null : Base64.getDecoder().decode(value.asText())));
            }
            return headers;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox headers are not the JSON this class writes", e);
        }
    }
}
