package io.orderflow.reliability;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Deliberate failures for tests, the demo mode and incident rehearsals. Injects nothing unless configured; settings
 * can be changed while the application runs. A disabled injector is not in any route ({@link FaultInjection}) and
 * refuses settings, so production cannot be made to fail on purpose.
 */
public final class FaultInjector {

    private final boolean enabled;
    private final Map<String, FaultSettings> byStage = new ConcurrentHashMap<>();
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> injected = new ConcurrentHashMap<>();

    public FaultInjector(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** @throws FaultsDisabledException when this injector is disabled */
    public void set(String stage, FaultSettings settings) {
        if (!enabled) {
            throw new FaultsDisabledException();
        }
        if (settings.injectsNothing()) {
            byStage.remove(stage);
            patterns.remove(stage);
            return;
        }
        if (settings.permanentFailurePattern() != null) {
            patterns.put(stage, Pattern.compile(settings.permanentFailurePattern()));
        } else {
            patterns.remove(stage);
        }
        byStage.put(stage, settings);
    }

    public Map<String, FaultSettings> active() {
        return new TreeMap<>(byStage);
    }

    public void clear() {
        byStage.clear();
        patterns.clear();
    }

    /** How many faults this stage has raised since start, so a rehearsal can tell its faults are biting. */
    public long injectedCount(String stage) {
        AtomicLong count = injected.get(stage);
        return count == null ? 0 : count.get();
    }

    /** The fault step of a stage's routes, woven in by {@link FaultInjection}. */
    public Processor at(String stage) {
        return exchange -> inject(stage, exchange);
    }

    private void inject(String stage, Exchange exchange) throws InterruptedException {
        FaultSettings settings = byStage.get(stage);
        if (settings == null) {
            return;
        }
        if (settings.latencyMs() > 0) {
            Thread.sleep(settings.latencyMs());
        }
        Pattern pattern = patterns.get(stage);
        if (pattern != null) {
            String raw = exchange.getMessage().getBody(String.class);
            if (raw != null && pattern.matcher(raw).find()) {
                countInjected(stage);
                throw new InjectedFault.Permanent(stage, pattern.pattern());
            }
        }
        if (settings.transientFailureRate() > 0
                && ThreadLocalRandom.current().nextDouble() < settings.transientFailureRate()) {
            countInjected(stage);
            throw new InjectedFault.Transient(stage);
        }
    }

    private void countInjected(String stage) {
        injected.computeIfAbsent(stage, s -> new AtomicLong()).incrementAndGet();
    }
}
