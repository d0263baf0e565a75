package io.orderflow.app.liveness;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.InflightRepository;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.orderflow.app.DaemonThreads;
import io.orderflow.app.InstanceId;
import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.deadletter.DeadLetterIndexRoute;
import io.orderflow.contract.ConsumerGroup;
import io.orderflow.pipeline.Stage;
import io.orderflow.reliability.StageRouteBuilder;

/**
 * Watches every Kafka consumer route of this instance and restarts one that stopped consuming: a batch in progress
 * for longer than {@code orderflow.liveness.stuck-after} (a thread that hangs), or no consumer of this instance in
 * the route's group any more (it left after {@code max.poll.interval.ms}, or its thread died). The finding turns
 * {@code /actuator/health} DOWN naming the stage until a later check finds the stage consuming again.
 * <p>
 * A restart stops the route (its consumer is woken, then its thread interrupted) and starts it again; the new
 * consumer reads from the last committed offsets. The batch that hung is rolled back, or, if its thread finishes
 * after all, commits effects the new consumer then ignores as duplicates: no effect is lost or repeated.
 */
@Component
public class StageWatchdog implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(StageWatchdog.class);
    // a hung batch will not finish in any time: a short grace, then its consumer is woken and its thread interrupted
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(2);

    /** A consumer route, the consumer group it belongs to and the stage name health reports it under. */
    record Watched(String stage, String routeId, String group) {
    }

    /** What the last check found; {@code problem} is null for a stage that consumes. */
    public record State(String problem, double oldestBatchSeconds, int restarts) {
    }

    private final CamelContext camel;
    private final AdminClient admin;
    private final InstanceId instance;
    private final OrderflowProperties.Liveness settings;
    private final List<Watched> watched;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    /** When each stage was first seen without a consumer of this instance in its group (a rebalance is brief). */
    private final Map<String, Long> missingSince = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = 
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("stage-watchdog"));

    public StageWatchdog(CamelContext camel, AdminClient admin, InstanceId instance, OrderflowProperties properties) {
        this.camel = camel;
        this.admin = admin;
        this.instance = instance;
        this.settings = properties.liveness();
        this.watched = Stream.concat(Arrays.stream(Stage.values()).map(StageWatchdog::stage),
                Stream.of(new Watched("dead-letter-index", DeadLetterIndexRoute.ROUTE_ID,
                        ConsumerGroup.DEAD_LETTER_INDEX.groupId()))).toList();
    }

    private static Watched stage(Stage stage) {
        return new Watched(stage.id(), StageRouteBuilder.kafkaRouteId(stage.id()), stage.group().groupId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWatching() {
        long every = settings.checkInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::checkAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** The state of each watched stage at the last check. */
    public Map<String, State> states() {
        Map<String, State> ordered = new LinkedHashMap<>();
        watched.forEach(w -> {
            State state = states.get(w.stage());
            if (state != null) {
                ordered.put(w.stage(), state);
            }
        });
        return ordered;
    }

    private void checkAll() {
        try {
            Map<String, Set<String>> members = groupMembers();
            for (Watched stage : watched) {
                check(stage, members);
            }
        } catch (RuntimeException e) {
            LOG.warn("stage watchdog: check failed: {}", e.toString());
        }
    }

    private void check(Watched stage, Map<String, Set<String>> members) {
        Route route = camel.getRoute(stage.routeId());
        ServiceStatus status = camel.getRouteController().getRouteStatus(stage.routeId());
        if (route == null || status != ServiceStatus.Started) {
            states.remove(stage.stage()); // not started, or stopped on purpose: nothing to watch
            return;
        }
        InflightRepository.InflightExchange oldest = camel.getInflightRepository().oldest(stage.routeId());
        long batchMillis = oldest == null ? 0 : oldest.getDuration();
        int restarts = states.getOrDefault(stage.stage(), new State(null, 0, 0)).restarts();
        String problem = null;
        if (batchMillis > settings.stuckAfter().toMillis()) {
            problem = "a batch has been in progress for " + batchMillis / 1000 + " s";
        } else if (members != null && route.getUptimeMillis() > settings.stuckAfter().toMillis()
                && missingFromGroupForLong(stage, members)) {
            problem = "no consumer of this instance in group " + stage.group() + " for "
                    + settings.stuckAfter().toSeconds() + " s";
        }
        if (problem == null) {
            states.put(stage.stage(), new State(null, batchMillis / 1000.0, restarts));
            return;
        }
        states.put(stage.stage(), new State(problem, batchMillis / 1000.0, restarts + 1));
        LOG.error("stage {}: {}; restarting route {}", stage.stage(), problem, stage.routeId());
        missingSince.remove(stage.stage());
        restart(stage.routeId());
    }

    private boolean missingFromGroupForLong(Watched stage, Map<String, Set<String>> members) {
        if (members.getOrDefault(stage.group(), Set.of()).contains(clientId(stage))) {
            missingSince.remove(stage.stage());
            return false;
        }
        long since = missingSince.computeIfAbsent(stage.stage(), s -> System.currentTimeMillis());
        return System.currentTimeMillis() - since > settings.stuckAfter().toMillis();
    }

    private void restart(String routeId) {
        try {
            camel.getRouteController().stopRoute(routeId, RESTART_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            camel.getRouteController().startRoute(routeId);
        } catch (Exception e) {
            LOG.error("restarting route {} failed; the next check tries again: {}", routeId, e.toString());
        }
    }

    private String clientId(Watched stage) {
        return stage.group() + "-" + instance.name();
    }

    /** Client ids of each group's members, or null when the cluster did not answer (membership then unknown). */
    private Map<String, Set<String>> groupMembers() {
        try {
            Collection<ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                            watched.stream().map(Watched::group).distinct().toList(),
                            new DescribeConsumerGroupsOptions().timeoutMs(2000))
                    .all().get(3, TimeUnit.SECONDS).values();
            return groups.stream().collect(Collectors.toMap(ConsumerGroupDescription::groupId,
                    g -> g.members().stream().map(MemberDescription::clientId).collect(Collectors.toSet())));
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
