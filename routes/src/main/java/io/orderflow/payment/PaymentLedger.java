package io.orderflow.payment;

/** Where payments are recorded; the application keeps them in its database. */
public interface PaymentLedger {

    void record(PaymentResult payment);
}
