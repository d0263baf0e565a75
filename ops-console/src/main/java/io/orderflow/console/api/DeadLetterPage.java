package io.orderflow.console.api;

import java.util.List;

public record DeadLetterPage(int page, int size, long total, List<DeadLetter> items) {
}
