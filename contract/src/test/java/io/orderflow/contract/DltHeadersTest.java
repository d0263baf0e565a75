package io.orderflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dead-letter header encodings other Kafka tools read, and the topic naming the index relies on. */
class DltHeadersTest {

    @Test
    void numbersAreBigEndianOfTheirWidthAndAWrongWidthIsNoNumber() {
        assertThat(DltHeaders.int32(2)).containsExactly(0, 0, 0, 2);
        assertThat(DltHeaders.readInt64(DltHeaders.int64(42L))).isEqualTo(42L);
        assertThat(DltHeaders.readInt32(DltHeaders.int64(42L))).isNull();
        assertThat(DltHeaders.readUtf8(DltHeaders.utf8("ü"))).isEqualTo("ü");
    }

    @Test
    void everyHeaderHasOneEncoding() {
        assertThat(DltHeaders.encodingOf(DltHeaders.ORIGINAL_PARTITION)).isEqualTo(HeaderEncoding.INT32);
        assertThat(DltHeaders.encodingOf(DltHeaders.ORIGINAL_OFFSET)).isEqualTo(HeaderEncoding.INT64);
        assertThat(DltHeaders.encodingOf(DltHeaders.FAILED_AT)).isEqualTo(HeaderEncoding.EPOCH_MILLIS);
        assertThat(DltHeaders.encodingOf(DltHeaders.ORIGINAL_TOPIC)).isEqualTo(HeaderEncoding.UTF8);
        assertThat(DltHeaders.encodingOf(EventHeaders.EVENT_TYPE)).isEqualTo(HeaderEncoding.UTF8);
    }

    @Test
    void aDeadLetterTopicNamesItsSource() {
        assertThat(Topic.isDeadLetterTopic(Topic.ORDER.deadLetterTopic())).isTrue();
        assertThat(Topic.sourceOfDeadLetterTopic(Topic.ORDER.deadLetterTopic())).isEqualTo(Topic.ORDER.topicName());
        assertThat(ConsumerGroup.DEAD_LETTER_INDEX.topics()).allMatch(Topic::isDeadLetterTopic).hasSize(5);
    }
}
