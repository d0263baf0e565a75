package io.orderflow.order;

import static io.orderflow.order.OrderStateMachine.Decision.APPLY;
import static io.orderflow.order.OrderStateMachine.Decision.CONTRADICTS;
import static io.orderflow.order.OrderStateMachine.Decision.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderStateMachineTest {

    /** The README's table of transitions, row by row. */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "CREATED, PAID, APPLY", "CREATED, PAYMENT_FAILED, APPLY", "CREATED, DISPATCHED, WAIT",
            "CREATED, DELIVERED, WAIT",
            "PAID, PAID, CONTRADICTS", "PAID, PAYMENT_FAILED, CONTRADICTS", "PAID, DISPATCHED, APPLY",
            "PAID, DELIVERED, WAIT",
            "DISPATCHED, PAID, CONTRADICTS", "DISPATCHED, PAYMENT_FAILED, CONTRADICTS",
            "DISPATCHED, DISPATCHED, CONTRADICTS", "DISPATCHED, DELIVERED, APPLY",
            "DELIVERED, PAID, CONTRADICTS", "DELIVERED, PAYMENT_FAILED, CONTRADICTS",
            "DELIVERED, DISPATCHED, CONTRADICTS", "DELIVERED, DELIVERED, CONTRADICTS",
            "PAYMENT_FAILED, PAID, CONTRADICTS", "PAYMENT_FAILED, PAYMENT_FAILED, CONTRADICTS",
            "PAYMENT_FAILED, DISPATCHED, CONTRADICTS", "PAYMENT_FAILED, DELIVERED, CONTRADICTS"})
    void decides(OrderStatus current, OrderStatus target, OrderStateMachine.Decision expected) {
        assertThat(OrderStateMachine.decide(current, target)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"PAID, CREATED", "PAYMENT_FAILED, CREATED", "DISPATCHED, PAID", "DELIVERED, DISPATCHED"})
    void eachStepHasOnePrerequisite(OrderStatus target, OrderStatus prerequisite) {
        assertThat(OrderStateMachine.prerequisite(target)).isEqualTo(prerequisite);
        assertThat(OrderStateMachine.decide(prerequisite, target)).isEqualTo(APPLY);
    }
}
