package io.orderflow.console.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * The app's answer to a discard. The contract names the count {@code discarded}; the app as built answers
 * {@code accepted}, so both are read.
 */
public record DiscardResult(@JsonAlias("accepted") int discarded, List<ActionOutcome> results) {
}
