package io.orderflow.payment;

import io.orderflow.contract.EventType;
import io.orderflow.pipeline.Stage;
import io.orderflow.reliability.PipelineServices;
import io.orderflow.reliability.StageErrorHandling;
import io.orderflow.reliability.ConsumedEvent;
import io.orderflow.reliability.StageRouteBuilder;

/** Payment stage: consumes order-events as group {@code orderflow-payment}. */
public final class PaymentRoutes extends StageRouteBuilder {

    public static final String STAGE = Stage.PAYMENT.id();
    public static final String CHARGE = "payment-charge";

    private final PaymentHandler payment;

    public PaymentRoutes(PipelineServices context, PaymentHandler payment) {
        super(context, STAGE);
        this.payment = payment;
    }

    @Override
    public void configure() {
        consume(Stage.PAYMENT.group())
                .routeConfigurationId(StageErrorHandling.id(STAGE))
                .filter(isType(EventType.OrderCreated))
                .to(effectUri(CHARGE));
        effect(CHARGE, exchange -> payment.onOrderCreated(ConsumedEvent.of(exchange)));
    }
}
