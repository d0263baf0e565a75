package io.orderflow.app.database;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Turns off H2's object cache ({@code h2.objectCache}) unless the JVM was started with it set. H2 passes every string
 * and value it reads from a page through that cache, a small hash table that makes equal values share one object,
 * which costs a hash and an equality check per value. Here nearly every value read is a key or status the stages
 * and the housekeeping's chunk rewrites have just written, read once and dropped: the lookups were 13 % of the
 * process's CPU samples at saturation, 41 % of the housekeeping thread's, and shared nothing worth keeping.
 * <p>
 * The switch is a JVM-wide system property that H2 reads once, when its first class loads, so it is set on the
 * application's first event, before any bean exists. Registered in {@code META-INF/spring.factories}, so the tests'
 * starts get it too.
 */
public final class H2ObjectCacheOff implements ApplicationListener<ApplicationStartingEvent> {

    static final String PROPERTY = "h2.objectCache";

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "false");
        }
    }
}
