package io.orderflow.app.rejection;

/** The request is well-formed but breaks a business rule, named by {@link #rule()} (for clients to act on). */
public class RuleBrokenException extends Rejection {

    private final String rule;

    public RuleBrokenException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
