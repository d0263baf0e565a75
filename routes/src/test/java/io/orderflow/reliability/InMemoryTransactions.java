package io.orderflow.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Policy;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * The application's database transaction, in memory, for route unit tests: the stage transaction policy, and
 * idempotent repositories whose additions are undone when the effect fails, as a rolled-back INSERT would be.
 */
public final class InMemoryTransactions implements Policy {

    private final ThreadLocal<List<Runnable>> undo = ThreadLocal.withInitial(ArrayList::new);
    private final AtomicInteger rollbacks = new AtomicInteger();

    public int rollbacks() {
        return rollbacks.get();
    }

    public IdempotentRepository repository() {
        MemoryIdempotentRepository seen = new MemoryIdempotentRepository();
        return new IdempotentRepository() {
            @Override
            public boolean add(String key) {
                boolean added = seen.add(key);
                if (added) {
                    undo.get().add(() -> seen.remove(key));
                }
                return added;
            }

            @Override
            public boolean contains(String key) {
                return seen.contains(key);
            }

            @Override
            public boolean remove(String key) {
                return seen.remove(key);
            }

            @Override
            public boolean confirm(String key) {
                return true;
            }

            @Override
            public void clear() {
                seen.clear();
            }

            @Override
            public void start() {
                seen.start();
            }

            @Override
            public void stop() {
                seen.stop();
            }
        };
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> {
            undo.get().clear();
            try {
                processor.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                rollbacks.incrementAndGet();
                undo.get().forEach(Runnable::run);
            }
            undo.get().clear();
        };
    }
}
