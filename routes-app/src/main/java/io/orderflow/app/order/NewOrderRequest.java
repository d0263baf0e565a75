package io.orderflow.app.order;

import java.math.BigDecimal;
import java.util.List;

import io.orderflow.app.web.Identifier;
import io.orderflow.app.web.RuleChecked;
import io.orderflow.event.OrderRules;
import io.orderflow.event.Payloads.OrderLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/orders}, as in the original design's curl. */
public record NewOrderRequest(
        @Identifier String customerId,
        @NotNull List<@Valid @NotNull Item> items) implements RuleChecked {

    public record Item(
            @Identifier String productId,
            @NotNull Integer quantity,
            @NotNull BigDecimal price) {

        public OrderLine toLine() {
            return new OrderLine(productId, quantity, price);
        }
    }

    @Override
    public void checkRules() {
        OrderRules.checkLines("items", lines());
    }

    public List<OrderLine> lines() {
        return items.stream().map(Item::toLine).toList();
    }
}
