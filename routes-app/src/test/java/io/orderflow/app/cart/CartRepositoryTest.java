package io.orderflow.app.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.orderflow.app.database.MigratedH2;
import io.orderflow.event.Payloads.OrderLine;

/** The cart repository's SQL against the migrated schema (H2, in memory). */
class CartRepositoryTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");

    private final CartRepository carts = new CartRepository(MigratedH2.jdbcClient());

    @Test
    void aCartKeepsItsLinesInTheOrderTheyWereAdded() {
        carts.create("cart-1", CREATED);
        carts.addItem("cart-1", 0, new OrderLine("book", 2, new BigDecimal("12.50")), CREATED.plusSeconds(1));
        carts.addItem("cart-1", 1, new OrderLine("pen", 3, new BigDecimal("0.99")), CREATED.plusSeconds(2));

        CartView cart = carts.find("cart-1", false).orElseThrow();
        assertThat(cart.status()).isEqualTo(CartView.OPEN);
        assertThat(cart.items()).extracting(OrderLine::productId).containsExactly("book", "pen");
        assertThat(cart.items().get(0).price()).isEqualByComparingTo("12.50");
        assertThat(cart.createdAt()).isEqualTo(CREATED);
        assertThat(cart.updatedAt()).isEqualTo(CREATED.plusSeconds(2));
        assertThat(carts.find("cart-2", true)).isEmpty();
    }

    @Test
    void onlyACheckedOutCartNamesItsOrder() {
        carts.create("cart-1", CREATED);
        carts.addItem("cart-1", 0, new OrderLine("book", 1, BigDecimal.TEN), CREATED);
        assertThat(carts.orderOf("cart-1")).isEmpty();

        carts.checkOut("cart-1", "customer-1", "order-9", CREATED.plusSeconds(3));

        assertThat(carts.orderOf("cart-1")).contains("order-9");
        CartView cart = carts.find("cart-1", true).orElseThrow();
        assertThat(cart.status()).isEqualTo(CartView.CHECKED_OUT);
        assertThat(cart.customerId()).isEqualTo("customer-1");
        assertThat(cart.orderId()).isEqualTo("order-9");
    }
}
