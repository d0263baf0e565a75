package io.orderflow.console.api;

import java.util.List;

public record DiscardResult(int discarded, List<ActionOutcome> results) {
}
