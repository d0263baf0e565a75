package io.orderflow.dispatch;

import io.orderflow.contract.EventType;
import io.orderflow.pipeline.Stage;
import io.orderflow.reliability.PipelineServices;
import io.orderflow.reliability.StageErrorHandling;
import io.orderflow.reliability.ConsumedEvent;
import io.orderflow.reliability.StageRouteBuilder;

/** Dispatch stage: consumes payment-events as group {@code orderflow-dispatch}; declined payments are skipped. */
public final class DispatchRoutes extends StageRouteBuilder {

    public static final String STAGE = Stage.DISPATCH.id();
    public static final String SHIP = "dispatch-ship";

    private final DispatchHandler dispatch;

    public DispatchRoutes(PipelineServices context, DispatchHandler dispatch) {
        super(context, STAGE);
        this.dispatch = dispatch;
    }

    @Override
    public void configure() {
        consume(Stage.DISPATCH.group())
                .routeConfigurationId(StageErrorHandling.id(STAGE))
                .filter(isType(EventType.PaymentProcessed))
                .to(effectUri(SHIP));
        effect(SHIP, exchange -> dispatch.onPaymentProcessed(ConsumedEvent.of(exchange)));
    }
}
