package io.orderflow.console.traffic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.HeaderText;

/**
 * Writes records as JSON lines, one record per line: where it sits, its key, headers and value. Bytes that are
 * valid UTF-8 are written as text ({@code key}, {@code value}), others as base64 ({@code keyBase64},
 * {@code valueBase64}), so nothing is lost or mangled. A value the console cut to its memory cap says so with
 * {@code "truncated": true} and the original {@code size}.
 */
public final class TailExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TailExport() {
    }

    public static void write(List<EventRecord> records, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (EventRecord record : records) {
                out.write(JSON.writeValueAsString(line(record)));
                out.newLine();
            }
        }
    }

    static ObjectNode line(EventRecord record) {
        ObjectNode line = JSON.createObjectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", record.timestamp());
        bytes(line, "key", record.keyBytes());
        ArrayNode headers = line.putArray("headers");
        for (HeaderText header : record.headers()) {
            ObjectNode h = headers.addObject();
            h.put("name", header.name());
            bytes(h, "value", header.raw() != null ? header.raw() : header.value().getBytes(StandardCharsets.UTF_8));
        }
        bytes(line, "value", record.value());
        line.put("size", record.size());
        if (record.truncated()) {
            line.put("truncated", true);
        }
        return line;
    }

    private static void bytes(ObjectNode node, String field, byte[] bytes) {
        if (bytes == null) {
            node.putNull(field);
            return;
        }
        String text = HeaderText.utf8(bytes);
        if (text != null) {
            node.put(field, text);
        } else {
            node.put(field + "Base64", Base64.getEncoder().encodeToString(bytes));
        }
    }
}
