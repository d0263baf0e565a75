package io.orderflow.console.api;

/** Dead letters of one source topic failing with one exception class. */
public record DeadLetterGroup(String originalTopic, String exceptionClass, long pending, long total) {
}
