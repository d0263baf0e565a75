package io.orderflow.app.web;

/**
 * A request body whose content rules are the pipeline's own ({@link io.orderflow.event.OrderRules}), checked after
 * the bean constraints (which only say what must be present), so the REST API and the stages refuse the same things.
 */
public interface RuleChecked {

    /** @throws io.orderflow.event.InvalidEventException naming the field and the rule it breaks */
    void checkRules();
}
