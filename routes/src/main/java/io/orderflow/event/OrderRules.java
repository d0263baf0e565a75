package io.orderflow.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import io.orderflow.event.Payloads.OrderLine;

/**
 * The rules an order's content obeys, whichever door it comes in by: the REST API checks requests with them and the
 * stages check every event payload with them, so a neighbour service writing to Kafka cannot create what the API
 * refuses. A broken rule is an {@link InvalidEventException} naming the field and the rule.
 */
public final class OrderRules {

    public static final int MAX_ITEMS = 100;
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_ID_LENGTH = 128;
    /** The largest total DECIMAL(19,2) holds: 100 items at the largest price and quantity would not fit. */
    public static final BigDecimal MAX_TOTAL = new BigDecimal("99999999999999999.99");
    /** Prices are stored as DECIMAL(19,2) too, and a price times 10,000 must still be a storable total. */
    private static final int MAX_PRICE_INTEGER_DIGITS = 15;
    private static final int MAX_DECIMALS = 2;
    /** Ids end up in keys, log lines and the console, where a control character or line break would cut or forge them. */
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cc}\\p{Zl}\\p{Zp}]*");

    private OrderRules() {
    }

    public static void checkLines(String field, List<OrderLine> items) {
        if (items.isEmpty()) {
            throw broken(field + " must have at least 1 line");
        }
        if (items.size() > MAX_ITEMS) {
            throw broken(field + " must have at most " + MAX_ITEMS + " lines, has " + items.size());
        }
        for (int i = 0; i < items.size(); i++) {
            OrderLine line = items.get(i);
            checkLine(field + "[" + i + "]", line.productId(), line.quantity(), line.price());
        }
        BigDecimal total = totalOf(items);
        if (total.compareTo(MAX_TOTAL) > 0) {
            throw broken(field + " total must be at most " + MAX_TOTAL.toPlainString());
        }
    }

    public static void checkLine(String field, String productId, int quantity, BigDecimal price) {
        checkId(field + ".productId", productId);
        if (quantity < 1) {
            throw broken(field + ".quantity must be at least 1, was " + quantity);
        }
        if (quantity > MAX_QUANTITY) {
            throw broken(field + ".quantity must be at most " + MAX_QUANTITY + ", was " + quantity);
        }
        checkMoney(field + ".price", price);
        if (price.precision() - price.scale() > MAX_PRICE_INTEGER_DIGITS) {
            throw broken(field + ".price must have at most " + MAX_PRICE_INTEGER_DIGITS + " digits before the point");
        }
    }

    /** An amount of money: not negative, whole cents (1.50 and 1.5 are fine, 1.505 is not). */
    public static void checkMoney(String field, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw broken(field + " must be at least 0, was " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw broken(field + " must have at most " + MAX_DECIMALS + " decimals, was " + amount.toPlainString());
        }
        if (amount.compareTo(MAX_TOTAL) > 0) {
            throw broken(field + " must be at most " + MAX_TOTAL.toPlainString());
        }
    }

    /** A stated total must be the sum of the lines: a total that disagrees would be charged, the lines shipped. */
    public static void checkTotal(String field, BigDecimal total, List<OrderLine> items) {
        checkMoney(field, total);
        BigDecimal sum = totalOf(items);
        if (total.compareTo(sum) != 0) {
            throw broken(field + " must equal the sum of the lines " + sum.toPlainString() + ", was "
                    + total.toPlainString());
        }
    }

    public static void checkId(String field, String id) {
        if (id == null || id.isBlank()) {
            throw broken(field + " must not be blank");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw broken(field + " must be at most " + MAX_ID_LENGTH + " characters");
        }
        if (!PRINTABLE.matcher(id).matches()) {
            throw broken(field + " must not contain control characters or line breaks");
        }
    }

    public static BigDecimal totalOf(List<OrderLine> items) {
        return items.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static InvalidEventException broken(String rule) {
        return new InvalidEventException(rule);
    }
}
