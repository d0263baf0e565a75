package io.orderflow.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class OutboxHeadersTest {

    private final OutboxHeaders headers = new OutboxHeaders(new ObjectMapper());

    @Test
    void keepsOrderRepeatsNullsAndBytes() {
        List<Header> written = List.of(new RecordHeader("a", new byte[] {(byte) 0xff, 0x00}),
                new RecordHeader("a", null), new RecordHeader("say \"hi\"\n", "ok".getBytes()));

        String json = headers.write(written);

        // rows written by earlier versions are read by later ones: the form is fixed
        assertThat(json).isEqualTo("[[\"a\",\"/wA=\"],[\"a\",null],[\"say \\\"hi\\\"\\n\",\"b2s=\"]]");
        assertThat(headers.read(json)).isEqualTo(written);
    }

    @Test
    void noHeadersIsAnEmptyArray() {
        assertThat(headers.write(List.of())).isEqualTo("[]");
        assertThat(headers.read("[]")).isEmpty();
    }
}
