package io.orderflow.app.cart;

import java.time.Clock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.orderflow.app.rejection.NotFoundException;
import io.orderflow.app.rejection.RuleBrokenException;
import io.orderflow.contract.EventType;
import io.orderflow.event.EventCodec;
import io.orderflow.event.InvalidEventException;
import io.orderflow.event.OrderRules;
import io.orderflow.event.Payloads.CartCheckedOut;
import io.orderflow.event.Payloads.CartItemAdded;
import io.orderflow.event.Payloads.OrderLine;
import io.orderflow.event.TimeOrderedIds;
import io.orderflow.kafka.EventPublisher;

/**
 * The cart stage. Each change and its event (in the outbox) are stored in one transaction, so nothing is
 * half-written; the event is published after the commit. Checkout hands the cart to the order stage through
 * cart-events.
 */
@Service
public class CartService {

    private static final Logger LOG = LoggerFactory.getLogger(CartService.class);

    private final CartRepository carts;
    private final EventPublisher publisher;
    private final EventCodec codec;
    private final Clock clock;

    public CartService(CartRepository carts, EventPublisher publisher, EventCodec codec, Clock clock) {
        this.carts = carts;
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
    }

    @Transactional
    public CartView addItem(String cartId, AddItemRequest request, String correlationId) {
        CartView cart = carts.find(cartId, true).orElse(null);
        if (cart == null) {
            carts.create(cartId, clock.instant());
        } else {
            requireOpen(cart);
            if (cart.items().size() >= OrderRules.MAX_ITEMS) {
                throw new CartFullException(cartId, OrderRules.MAX_ITEMS);
            }
        }
        int lineNo = cart == null ? 0 : cart.items().size();
        OrderLine line = new OrderLine(request.productId(), request.quantity(), request.price());
        carts.addItem(cartId, lineNo, line, clock.instant());
        publisher.publish(codec.newEvent(EventType.CartItemAdded, null, correlationId,
                new CartItemAdded(cartId, request.productId(), request.quantity(), request.price())));
        return carts.find(cartId, false).orElseThrow();
    }

    @Transactional
    /** {@code inTransaction} gets the checked-out cart before the commit, for what must commit with it. */
    public CartView checkout(String cartId, CheckoutRequest request, String correlationId,
                             Consumer<CartView> inTransaction) {
        CartView cart = carts.find(cartId, true)
                .orElseThrow(() -> new NotFoundException("cart " + cartId + " does not exist or has no items"));
        requireOpen(cart);
        try {
            // each line passed the rules when added; the sum of up to 100 of them may still not be storable
            OrderRules.checkLines("items", cart.items());
        } catch (InvalidEventException broken) {
            throw new RuleBrokenException("cart_invalid", broken.getMessage());
        }
        String orderId = TimeOrderedIds.next().toString();
        carts.checkOut(cartId, request.customerId(), orderId, clock.instant());
        publisher.publish(codec.newEvent(EventType.CartCheckedOut, orderId, correlationId,
                new CartCheckedOut(cartId, request.customerId(), orderId, cart.items())));
        LOG.info("cart: cart {} CHECKED_OUT as order {} (correlation {})", cartId, orderId, correlationId);
        CartView checkedOut = carts.find(cartId, false).orElseThrow();
        inTransaction.accept(checkedOut);
        return checkedOut;
    }

    private static void requireOpen(CartView cart) {
        if (!CartView.OPEN.equals(cart.status())) {
            throw new CartClosedException(cart);
        }
    }
}
