package io.orderflow.delivery;

import io.orderflow.contract.EventType;
import io.orderflow.pipeline.Stage;
import io.orderflow.reliability.PipelineServices;
import io.orderflow.reliability.StageErrorHandling;
import io.orderflow.reliability.ConsumedEvent;
import io.orderflow.reliability.StageRouteBuilder;

/** Delivery stage: consumes dispatch-events as group {@code orderflow-delivery}. */
public final class DeliveryRoutes extends StageRouteBuilder {

    public static final String STAGE = Stage.DELIVERY.id();
    public static final String DELIVER = "delivery-deliver";

    private final DeliveryHandler delivery;

    public DeliveryRoutes(PipelineServices context, DeliveryHandler delivery) {
        super(context, STAGE);
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        consume(Stage.DELIVERY.group())
                .routeConfigurationId(StageErrorHandling.id(STAGE))
                .filter(isType(EventType.OrderDispatched))
                .to(effectUri(DELIVER));
        effect(DELIVER, exchange -> delivery.onOrderDispatched(ConsumedEvent.of(exchange)));
    }
}
