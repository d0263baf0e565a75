package io.orderflow.app.deadletter;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.orderflow.kafka.KafkaUris;

/**
 * Sends one replayed record to Kafka, paced per job by Camel's Throttle EIP: each job (the correlation key) gets at
 * most its own rate of sends per second. The caller (the job's thread) waits while the throttle holds a record back.
 * No error handler: a failed send reaches the job, which records it.
 */
@Component
public class ReplaySendRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:replay-send";
    static final String ROUTE_ID = "replay-send";
    /** Exchange properties, not headers: headers would be sent to Kafka with the record. */
    static final String RATE = "orderflow.replayRatePerSecond";
    static final String JOB = "orderflow.replayJob";

    @Override
    public void configure() {
        from(ENDPOINT)
                .routeId(ROUTE_ID)
                .errorHandler(noErrorHandler())
                .throttle(exchangeProperty(RATE)).totalRequestsMode().timePeriodMillis(1000)
                    .correlationExpression(exchangeProperty(JOB))
                .to(KafkaUris.replayProducer());
    }
}
