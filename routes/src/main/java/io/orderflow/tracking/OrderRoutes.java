package io.orderflow.tracking;

import io.orderflow.contract.EventType;
import io.orderflow.event.Payloads.CartCheckedOut;
import io.orderflow.order.CheckoutOrders;
import io.orderflow.pipeline.Stage;
import io.orderflow.reliability.IgnoredReason;
import io.orderflow.reliability.PipelineServices;
import io.orderflow.reliability.StageErrorHandling;
import io.orderflow.reliability.ConsumedEvent;
import io.orderflow.reliability.StageRouteBuilder;

/**
 * Order stage, group {@code orderflow-order}: turns cart checkouts into orders and follows every order's status
 * through the payment, dispatch and delivery topics.
 */
public final class OrderRoutes extends StageRouteBuilder {

    public static final String STAGE = Stage.ORDER.id();
    public static final String CREATE = "order-create";
    public static final String ADVANCE = "order-advance";

    private final CheckoutOrders checkouts;
    private final OrderStatusHandler status;

    public OrderRoutes(PipelineServices context, CheckoutOrders checkouts, OrderStatusHandler status) {
        super(context, STAGE);
        this.checkouts = checkouts;
        this.status = status;
    }

    @Override
    public void configure() {
        consume(Stage.ORDER.group())
                .routeConfigurationId(StageErrorHandling.id(STAGE))
                .choice()
                    .when(isType(EventType.CartCheckedOut)).to(effectUri(CREATE))
                    .when(isType(EventType.PaymentProcessed, EventType.PaymentFailed, EventType.OrderDispatched,
                            EventType.OrderDelivered)).to(effectUri(ADVANCE))
                .end();

        effect(CREATE, exchange -> {
            ConsumedEvent input = ConsumedEvent.of(exchange);
            checkouts.onCheckout(input.event(), input.payload(CartCheckedOut.class));
        });
        effect(ADVANCE, exchange -> {
            ConsumedEvent input = ConsumedEvent.of(exchange);
            if (status.onStatusEvent(input) == OrderStatusHandler.Outcome.WAITING) {
                ignored(exchange, ADVANCE, input, IgnoredReason.EARLY);
            }
        });
    }
}
