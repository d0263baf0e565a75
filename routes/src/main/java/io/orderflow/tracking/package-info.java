/**
 * The order stage: creates orders from cart checkouts and follows each order through the payment, dispatch and
 * delivery events, confirming every event against the record its stage kept. It reads all the later stages, which
 * in turn read the orders of {@link io.orderflow.order}, so it is a package of its own above them.
 */
package io.orderflow.tracking;
