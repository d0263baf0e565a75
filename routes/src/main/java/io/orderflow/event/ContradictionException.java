package io.orderflow.event;


/**
 * The event contradicts what already happened to its order (delivered after the payment failed, paid twice, an
 * amount that is not the order's total). It is never applied, whenever it is read.
 */
public class ContradictionException extends NonRetryableException {
    public ContradictionException(String message) {
        super(message);
    }
}
