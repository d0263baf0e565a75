package io.orderflow.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Identifiers whose first 48 bits are a time in milliseconds, so that ids made close together sort close together.
 * <p>
 * Event, order, payment and shipment ids are keys of B-tree indexes (idempotency keys, orders, timelines, payments,
 * shipments). Random ids put each insert on a random leaf, so every commit rewrote a page per index somewhere in the
 * tree; on H2, whose store writes changed pages to a new chunk on each commit, the pages left live in the old chunks
 * then have to be copied again by its housekeeping before the space is freed. Ids that grow with time keep the
 * inserts of one commit on the few leaves at the tree's right edge (as UUID version 7, RFC 9562, does for this reason).
 * <ul>
 * <li>{@link #next()}: a version 7 UUID, the time then the 74 random bits of a {@link UUID#randomUUID()} (drawn from
 * {@code SecureRandom}, so an id is no easier to guess than before).</li>
 * <li>{@link #derived(UUID, String)}: the id of something caused by {@code cause}, the same for the same cause and
 * name, as redelivery needs ({@link EventEnvelope#derivedEventId}); it takes the cause's time bits and fills the rest
 * from the name-based id ({@link UUID#nameUUIDFromBytes}, MD5) of cause and name, marked version 8 (RFC 9562's
 * custom layout). Everything derived from one order's first event therefore sorts near it.</li>
 * </ul>
 */
public final class TimeOrderedIds {

    private static final long VERSION_MASK = 0xF000L;

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return next(Clock.systemUTC());
    }

    static UUID next(Clock clock) {
        UUID random = UUID.randomUUID();
        long low16 = random.getMostSignificantBits() & 0xFFFFL;
        long high = (clock.millis() << 16) | (low16 & ~VERSION_MASK) | 0x7000L;
        return new UUID(high, random.getLeastSignificantBits()); // randomUUID's variant bits are RFC 9562's already
    }

    public static UUID derived(UUID cause, String name) {
        UUID hashed = UUID.nameUUIDFromBytes((cause + "/" + name).getBytes(StandardCharsets.UTF_8));
        long time = cause.getMostSignificantBits() & 0xFFFF_FFFF_FFFF_0000L;
        long high = time | (hashed.getMostSignificantBits() & 0xFFFFL & ~VERSION_MASK) | 0x8000L;
        return new UUID(high, hashed.getLeastSignificantBits()); // the variant bits are RFC 9562's already
    }
}
