package io.orderflow.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import io.orderflow.delivery.DeliveryRoutes;
import io.orderflow.dispatch.DispatchRoutes;
import io.orderflow.payment.PaymentRoutes;
import io.orderflow.reliability.DeadLetterRoute;
import io.orderflow.reliability.FaultSettings;
import io.orderflow.reliability.RetrySettings;
import io.orderflow.reliability.StageSettings;
import io.orderflow.tracking.OrderRoutes;

/**
 * Everything under {@code orderflow.*}; the README lists each setting. Each default is defined once: here, in the
 * routes module's settings records (stages), or in application.yml where other settings read it too (data dir).
 * {@link SettingsKeyCheck} refuses unknown keys under {@code orderflow.stages} and {@code orderflow.faults}.
 */
@ConfigurationProperties("orderflow")
public record OrderflowProperties(
        Path dataDir,
        @DefaultValue Kafka kafka,
        @DefaultValue Payment payment,
        @DefaultValue Dispatch dispatch,
        Map<String, Stage> stages,
        @DefaultValue Faults faults,
        @DefaultValue Security security,
        @DefaultValue DeadLetters deadLetters,
        @DefaultValue Demo demo,
        @DefaultValue Placement placement,
        @DefaultValue Outbox outbox,
        @DefaultValue Liveness liveness,
        @DefaultValue Database database) {

    /** The keys of {@code orderflow.stages}: the stages that consume Kafka. */
    public static final List<String> STAGES = io.orderflow.pipeline.Stage.ids();
    /** The keys of {@code orderflow.faults}: the stages and the dead-letter write. */
    public static final List<String> FAULT_STAGES = Stream.concat(STAGES.stream(),
            Stream.of(DeadLetterRoute.FAULT_STAGE)).toList();

    public OrderflowProperties {
        stages = stages == null ? Map.of() : stages;
    }

    public record Kafka(@DefaultValue Embedded embedded,
                        @DefaultValue("3") int partitions,
                        @DefaultValue("1") short replicationFactor,
                        Integer minInsyncReplicas,
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

    /** A stage's settings; those left out keep the routes module's defaults ({@link StageSettings#defaults}). */
    public record Stage(Integer consumers,
                        Integer batchWaitMs,
                        Integer maxRedeliveries,
                        Long initialDelayMs,
                        Double multiplier,
                        Long maxDelayMs) {
        public Stage {
            if (batchWaitMs != null && batchWaitMs < 1) {
                // camel-kafka would poll without waiting and hand over every record as a batch of its own
                throw new IllegalArgumentException("batch-wait-ms must be at least 1, not " + batchWaitMs);
            }
        }

        public StageSettings toSettings(String stage) {
            StageSettings defaults = StageSettings.defaults(stage);
            RetrySettings retry = defaults.retry();
            return new StageSettings(or(consumers, defaults.consumers()), or(batchWaitMs, defaults.batchWaitMs()),
                    new RetrySettings(or(maxRedeliveries, retry.maxRedeliveries()),
                            or(initialDelayMs, retry.initialDelayMs()), or(multiplier, retry.multiplier()),
                            or(maxDelayMs, retry.maxDelayMs())));
        }

        private static <T> T or(T value, T otherwise) {
            return value == null ? otherwise : value;
        }
    }

    /**
     * Fault injection. {@code enabled} is read once, at start: when false the fault step is not part of any route
     * and faults cannot be set (production); the stages' faults are injected from the start.
     */
    public record Faults(@DefaultValue("true") boolean enabled, Fault order, Fault payment, Fault dispatch,
                         Fault delivery, Fault deadLetter) {

        public Faults {
            if (!enabled && !byStage(order, payment, dispatch, delivery, deadLetter).isEmpty()) {
                throw new IllegalArgumentException("orderflow.faults.<stage> is set, but orderflow.faults.enabled"
                        + " is false: with fault injection off no fault can be injected");
            }
        }

        public Map<String, FaultSettings> byStage() {
            return byStage(order, payment, dispatch, delivery, deadLetter);
        }

        private static Map<String, FaultSettings> byStage(Fault order, Fault payment, Fault dispatch, Fault delivery,
                                                          Fault deadLetter) {
            Map<String, FaultSettings> byStage = new LinkedHashMap<>();
            put(byStage, OrderRoutes.STAGE, order);
            put(byStage, PaymentRoutes.STAGE, payment);
            put(byStage, DispatchRoutes.STAGE, dispatch);
            put(byStage, DeliveryRoutes.STAGE, delivery);
            put(byStage, DeadLetterRoute.FAULT_STAGE, deadLetter);
            return byStage;
        }

        private static void put(Map<String, FaultSettings> byStage, String stage, Fault fault) {
            if (fault != null) {
                byStage.put(stage, fault.toSettings());
            }
        }
    }

    public record Fault(@DefaultValue("0") double transientFailureRate,
                        String permanentFailurePattern,
                        long latencyMs) {
        public FaultSettings toSettings() {
            return new FaultSettings(transientFailureRate, permanentFailurePattern, latencyMs);
        }
    }

    /**
     * Who may use the operator endpoints: the single operator token (an admin, generated when not set), named
     * {@code operators} with password hashes and roles, and JWTs of an identity provider ({@code jwt}); failed
     * logins are throttled per client address ({@code loginThrottle}). See the README's "Operators and roles".
     */
    public record Security(@DefaultValue("operator") String operatorUser,
                           String operatorToken,
                           Map<String, Operator> operators,
                           @DefaultValue Jwt jwt,
                           @DefaultValue LoginThrottle loginThrottle) {
        public Security {
            operators = operators == null ? Map.of() : operators;
        }
    }

    /** A named operator account: a hash for Spring Security's DelegatingPasswordEncoder ({bcrypt}...) and roles. */
    public record Operator(String password, List<String> roles) {
        public Operator {
            roles = roles == null ? List.of() : roles;
        }
    }

    /**
     * JWT bearer tokens of an identity provider, on when {@code issuer} is set: signed by a key of
     * {@code jwkSetUri} or by the RSA key in {@code publicKeyLocation}, issued by {@code issuer}, for one of
     * {@code audiences} if given. Where the roles and the person's name are: a dotted path reaches into objects.
     */
    public record Jwt(String issuer,
                      String jwkSetUri,
                      Resource publicKeyLocation,
                      List<String> audiences,
                      @DefaultValue("roles") String rolesClaim,
                      @DefaultValue("preferred_username") String nameClaim) {
        public Jwt {
            audiences = audiences == null ? List.of() : audiences;
        }
    }

    /** After {@code maxFailures} failed logins from one address within {@code window}, it gets 429 until then. */
    public record LoginThrottle(@DefaultValue("10") int maxFailures,
                                @DefaultValue("5m") Duration window) {
        public LoginThrottle {
            if (maxFailures < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("orderflow.security.login-throttle: max-failures must be at"
                        + " least 1 and window positive");
            }
        }
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

    /**
     * At start, how long to wait for a database that does not answer yet before giving up; on an H2 file, how often
     * the application rewrites H2's half-empty chunks so their space can be reused ({@code H2StoreHousekeeping}): often by default, since under load a run gives
     * up when H2's store lock is not free within 10 ms, which is most runs.
     */
    public record Database(@DefaultValue("5m") Duration startupWait,
                           @DefaultValue("200ms") Duration h2HousekeepingInterval) {
        public Database {
            if (h2HousekeepingInterval.isNegative() || h2HousekeepingInterval.isZero()) {
                throw new IllegalArgumentException("orderflow.database.h2-housekeeping-interval must be positive");
            }
        }
    }
}
