package io.orderflow.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.orderflow.contract.EventType;

/**
 * Payloads of the pipeline events. Constructors reject missing fields, so a record that parses but lacks what
 * a stage needs fails at decode time (a non-retryable error) rather than deep inside a stage.
 */
public final class Payloads {

    private Payloads() {
    }

    /** The shape of each event type's payload. */
    public static Class<? extends Record> typeOf(EventType type) {
        return switch (type) {
            case CartItemAdded -> CartItemAdded.class;
            case CartCheckedOut -> CartCheckedOut.class;
            case OrderCreated -> OrderCreated.class;
            case PaymentProcessed -> PaymentProcessed.class;
            case PaymentFailed -> PaymentFailed.class;
            case OrderDispatched -> OrderDispatched.class;
            case OrderDelivered -> OrderDelivered.class;
        };
    }

    public record OrderLine(String productId, int quantity, BigDecimal price) {
        public OrderLine {
            required(productId, "productId");
            required(price, "price");
        }

        public BigDecimal lineTotal() {
            return price.multiply(BigDecimal.valueOf(quantity));
        }
    }

    public record CartItemAdded(String cartId, String productId, int quantity, BigDecimal price) {
        public CartItemAdded {
            required(cartId, "cartId");
            required(productId, "productId");
            required(price, "price");
        }
    }

    public record CartCheckedOut(String cartId, String customerId, String orderId, List<OrderLine> items) {
        public CartCheckedOut {
            required(cartId, "cartId");
            required(customerId, "customerId");
            required(orderId, "orderId");
            items = List.copyOf(required(items, "items"));
        }
    }

    public record OrderCreated(String orderId, String customerId, List<OrderLine> items, BigDecimal total) {
        public OrderCreated {
            required(orderId, "orderId");
            required(customerId, "customerId");
            items = List.copyOf(required(items, "items"));
            required(total, "total");
        }
    }

    public record PaymentProcessed(String paymentId, String orderId, BigDecimal amount) {
        public PaymentProcessed {
            required(paymentId, "paymentId");
            required(orderId, "orderId");
            required(amount, "amount");
        }
    }

    public record PaymentFailed(String paymentId, String orderId, BigDecimal amount, String reason) {
        public PaymentFailed {
            required(paymentId, "paymentId");
            required(orderId, "orderId");
            required(amount, "amount");
            required(reason, "reason");
        }
    }

    public record OrderDispatched(String orderId, String shipmentId, String carrier) {
        public OrderDispatched {
            required(orderId, "orderId");
            required(shipmentId, "shipmentId");
            required(carrier, "carrier");
        }
    }

    public record OrderDelivered(String orderId, String shipmentId, Instant deliveredAt) {
        public OrderDelivered {
            required(orderId, "orderId");
            required(shipmentId, "shipmentId");
            required(deliveredAt, "deliveredAt");
        }
    }

    private static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, () -> "missing field '" + field + "'");
    }
}
