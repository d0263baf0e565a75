package io.orderflow.dispatch;

import io.orderflow.contract.ConsumerGroup;
import io.orderflow.contract.EventType;
import io.orderflow.reliability.PipelineServices;
import io.orderflow.reliability.StageErrorHandling;
import io.orderflow.reliability.ConsumedEvent;
import io.orderflow.reliability.StageRouteBuilder;

/** Dispatch stage: consumes payment-events as group {@code orderflow-dispatch}; declined payments are skipped. */
public final class DispatchRoutes extends StageRouteBuilder {

    public static final String STAGE = "dispatch";
    public static final String SHIP = "dispatch-ship";

    private final DispatchHandler dispatch;

    public DispatchRoutes(PipelineServices context, DispatchHandler dispatch) {
        super(context, STAGE);
        this.dispatch = dispatch;
    }

    @Override
    public void configure() {
        consume(ConsumerGroup.DISPATCH)
                .routeConfigurationId(StageErrorHandling.id(STAGE))
                .filter(isType(EventType.PaymentProcessed))
                .to(effectUri(SHIP));
        effect(SHIP, exchange -> dispatch.onPaymentProcessed(ConsumedEvent.of(exchange)));
    }
}
