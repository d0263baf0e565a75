package io.orderflow.reliability;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Stands in for camel-kafka producers in route unit tests: a mock endpoint registered under the exact
 * {@code kafka:} URI that acknowledges sends the way camel-kafka does (record metadata header).
 */
public final class KafkaStubs {

    private KafkaStubs() {
    }

    public static MockEndpoint stub(CamelContext context, String kafkaUri, String name) throws Exception {
        MockEndpoint endpoint = context.getEndpoint("mock:" + name, MockEndpoint.class);
        endpoint.whenAnyExchangeReceived(exchange -> exchange.getMessage().setHeader(
                KafkaConstants.KAFKA_RECORD_META,
                List.of(new RecordMetadata(new TopicPartition(name, 0), 0, 0, 0, 0, 0))));
        context.addEndpoint(kafkaUri, endpoint);
        return endpoint;
    }
}
