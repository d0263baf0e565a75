package io.orderflow.app.order;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.orderflow.order.Order;
import io.orderflow.order.OrderCreation;

/** {@code POST /api/orders}: the order row and its OrderCreated event succeed together or not at all. */
@Service
public class OrderPlacement {

    private final OrderCreation creation;

    public OrderPlacement(OrderCreation creation) {
        this.creation = creation;
    }

    @Transactional
    public Order place(NewOrderRequest request, String correlationId) {
        return creation.create(UUID.randomUUID().toString(), request.customerId(), request.lines(), correlationId,
                null);
    }
}
