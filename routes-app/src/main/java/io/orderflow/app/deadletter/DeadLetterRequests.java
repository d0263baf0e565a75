package io.orderflow.app.deadletter;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Bodies of the dead-letter write endpoints. */
public final class DeadLetterRequests {

    private DeadLetterRequests() {
    }

    public record Filter(String topic, String exception, String orderId, Instant from, Instant to) {
        DeadLetterFilter toFilter() {
            return new DeadLetterFilter(blankToNull(topic), blankToNull(exception), blankToNull(orderId), from, to,
                    null);
        }
    }

    /**
     * Either {@code ids} or {@code filter} (a filter selects pending dead letters only), or the {@code selectionId}
     * of a dry run to confirm exactly what it selected.
     */
    public record Replay(@Size(max = 10_000) List<@NotBlank String> ids, @Valid Filter filter, boolean dryRun,
                         @Positive @Max(10_000) Integer ratePerSecond, @Size(max = 36) String selectionId) {
    }

    public record Discard(@NotEmpty @Size(max = 10_000) List<@NotBlank String> ids,
                          @NotBlank @Size(max = 500) String reason) {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
