package io.orderflow.app.cart;

import java.math.BigDecimal;

import io.orderflow.app.web.Identifier;
import io.orderflow.app.web.RuleChecked;
import io.orderflow.event.OrderRules;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/carts/{cartId}/items}. */
public record AddItemRequest(
        @Identifier String productId,
        @NotNull Integer quantity,
        @NotNull BigDecimal price) implements RuleChecked {

    @Override
    public void checkRules() {
        OrderRules.checkLine("item", productId, quantity, price);
    }
}
