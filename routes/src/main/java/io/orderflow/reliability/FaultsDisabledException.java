package io.orderflow.reliability;

/** Faults were to be set on an application started with fault injection off. */
public final class FaultsDisabledException extends IllegalStateException {

    public FaultsDisabledException() {
        super("fault injection is off on this instance (orderflow.faults.enabled=false)");
    }
}
