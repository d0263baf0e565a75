package io.orderflow.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.orderflow.reliability.FaultSettings;
import io.orderflow.reliability.RetrySettings;
import io.orderflow.reliability.StageSettings;

/** Everything under {@code orderflow.*} in application.yml; the README lists each setting. */
@ConfigurationProperties("orderflow")
public record OrderflowProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Kafka kafka,
        @DefaultValue Payment payment,
        @DefaultValue Dispatch dispatch,
        Map<String, Stage> stages,
        Map<String, Fault> faults,
        @DefaultValue Security security,
        @DefaultValue DeadLetters deadLetters,
        @DefaultValue Demo demo,
        @DefaultValue Placement placement,
        @DefaultValue Outbox outbox,
        @DefaultValue Liveness liveness,
        @DefaultValue Database database) {

    public OrderflowProperties {
        stages = stages == null ? Map.of() : stages;
        faults = faults == null ? Map.of() : faults;
    }

    public record Kafka(@DefaultValue Embedded embedded,
                        @DefaultValue("3") int partitions,
                        @DefaultValue("1") short replicationFactor,
                        Map<String, String> clientProperties) {
        public Kafka {
            clientProperties = clientProperties == null ? Map.of() : clientProperties;
        }
    }

    public record Embedded(@DefaultValue("9092") int port) {
    }

    public record Payment(@DefaultValue("10000.00") BigDecimal limit) {
    }

    public record Dispatch(@DefaultValue({"DHL", "UPS", "DPD"}) List<String> carriers) {
    }

    public record Stage(@DefaultValue("1") int consumers,
                        @DefaultValue("4") int maxRedeliveries,
                        @DefaultValue("100") long initialDelayMs,
                        @DefaultValue("2.0") double multiplier,
                        @DefaultValue("2000") long maxDelayMs) {
        public StageSettings toSettings() {
            return new StageSettings(consumers,
                    new RetrySettings(maxRedeliveries, initialDelayMs, multiplier, maxDelayMs));
        }
    }

    public record Fault(@DefaultValue("0") double transientFailureRate,
                        String permanentFailurePattern,
                        @DefaultValue("0") long latencyMs) {
        public FaultSettings toSettings() {
            return new FaultSettings(transientFailureRate, permanentFailurePattern, latencyMs);
        }
    }

    public record Security(@DefaultValue("operator") String operatorUser, String operatorToken) {
    }

    public record DeadLetters(@DefaultValue("3") int replayLimit,
                              @DefaultValue("50") int defaultReplayRatePerSecond,
                              @DefaultValue("1000") int maxReplayRatePerSecond) {
    }

    public record Demo(@DefaultValue("false") boolean enabled,
                       @DefaultValue("2") double ordersPerSecond,
                       @DefaultValue("0.1") double transientFailureRate,
                       @DefaultValue("0.05") double poisonRate) {
    }

    /**
     * Group commit of {@code POST /api/orders} (see OrderPlacement): at most {@code maxGroupSize} orders per
     * database transaction, at most {@code queueCapacity} waiting, each waiting at most {@code queueTimeout}.
     */
    public record Placement(@DefaultValue("64") int maxGroupSize,
                            @DefaultValue("512") int queueCapacity,
                            @DefaultValue("10s") Duration queueTimeout) {
        public Placement {
            if (maxGroupSize < 1 || queueCapacity < 1 || queueTimeout.isNegative() || queueTimeout.isZero()) {
                throw new IllegalArgumentException("orderflow.placement: max-group-size and queue-capacity must be"
                        + " at least 1 and queue-timeout positive");
            }
        }
    }

    /**
     * The outbox relay: rows committed on another instance, or left behind, wait at most {@code sweepInterval};
     * health turns DOWN when the oldest row waited longer than {@code maxAge}; a relay's shards are leased for
     * {@code leaseTtl}, after which another instance takes over a relay that died.
     */
    public record Outbox(@DefaultValue("250ms") Duration sweepInterval,
                         @DefaultValue("500") int batchSize,
                         @DefaultValue("60s") Duration maxAge,
                         @DefaultValue("10s") Duration leaseTtl) {
    }

    /**
     * A stage whose batch has been in progress for longer than {@code stuckAfter}, or whose consumers are no longer
     * in their group, turns health DOWN and is restarted; checked every {@code checkInterval}.
     */
    public record Liveness(@DefaultValue("60s") Duration stuckAfter,
                           @DefaultValue("5s") Duration checkInterval) {
    }

    /** At start, how long to wait for a database that does not answer yet before giving up. */
    public record Database(@DefaultValue("5m") Duration startupWait) {
    }
}
