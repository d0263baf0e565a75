package io.orderflow.app.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderflow.app.web.ApiException;
import io.orderflow.app.web.JsonApi;
import io.orderflow.event.EventCodec;

/**
 * {@code Idempotency-Key} for requests that create something, as payment APIs such as Stripe's do: the first
 * request with a key runs and its successful answer is kept for {@code orderflow.idempotency.key-ttl}; the same key
 * with the same request gets that answer again (header {@code Idempotent-Replayed: true}) and runs nothing; with a
 * different request it is a 422. A request that finds its key still running waits for that answer, at most
 * {@code orderflow.idempotency.in-progress-wait}, then gets 409. A request that fails gives its key back: it had no
 * effect, so a retry runs it again. The answer is kept in the transaction of the request's effect ({@link
 * AnswerKeeper}): an instance that dies between the two leaves neither, and once its claim's lease has run out a
 * retry runs the request again.
 * <p>
 * Who runs is decided by the key's primary key in the database, so it holds across instances; waiting polls the
 * row, for the same reason. Without the header, requests run as they always did.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern USABLE_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    /** Keeps a request's answer for its key; called inside the transaction that has the request's effect. */
    @FunctionalInterface
    public interface AnswerKeeper {
        void keep(Answer answer);
    }

    /** What a request answers: its status, body and {@code Location} (or null). */
    public record Answer(int status, Object body, String location) {
    }

    private final IdempotencyKeys keys;
    private final JsonApi json;
    private final ObjectMapper mapper;
    private final IdempotencySettings settings;
    private final Clock clock;
    private final AtomicLong nextSweepMillis = new AtomicLong();

    public IdempotentRequests(IdempotencyKeys keys, JsonApi json, EventCodec codec, IdempotencySettings settings,
                              Clock clock) {
        this.keys = keys;
        this.json = json;
        this.mapper = codec.mapper();
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Answers the request with {@code action}'s answer, or with the kept answer of an earlier request with the same
     * key. {@code target} and the parsed {@code request} together are what "the same request" means. The action
     * hands its answer to the keeper it is given inside the transaction of its effect.
     */
    public void respond(Exchange exchange, String target, Object request, Function<AnswerKeeper, Answer> action) {
        String key = exchange.getMessage().getHeader(HEADER, String.class);
        if (key == null) {
            write(exchange, action.apply(answer -> { }), false);
            return;
        }
        if (!USABLE_KEY.matcher(key).matches()) {
            throw ApiException.badRequest(HEADER + " must be 1-255 visible ASCII characters");
        }
        sweepNowAndThen();
        String hash = hash(target, request);
        long deadline = System.nanoTime() + settings.inProgressWait().toNanos();
        while (true) {
            Instant now = clock.instant();
            String claimId = UUID.randomUUID().toString();
            if (keys.claim(key, hash, claimId, now, now.plus(settings.inProgressLease()))) {
                write(exchange, run(key, claimId, action), false);
                return;
            }
            Optional<IdempotencyKeys.Row> row = keys.find(key);
            if (row.isPresent() && !row.get().expiresAt().isAfter(now)) {
                keys.removeIfExpired(key, now);
            } else if (row.isPresent()) {
                if (!row.get().requestHash().equals(hash)) {
                    throw new ApiException(422, "idempotency_key_reused", "this " + HEADER
                            + " was used for a different request; use a new key for a new request");
                }
                if (row.get().state() == IdempotencyKeys.State.DONE) {
                    write(exchange, kept(row.get()), true);
                    return;
                }
            }
            // running elsewhere, or given back or expired a moment ago: wait, then look again
            if (System.nanoTime() - deadline >= 0) {
                throw new ApiException(409, "idempotency_key_in_progress", "a request with this " + HEADER
                        + " is still running; retry to get its answer");
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw ApiException.unavailable("stopping; retry with the same " + HEADER, 1);
            }
        }
    }

    private Answer run(String key, String claimId, Function<AnswerKeeper, Answer> action) {
        try {
            return action.apply(answer -> keep(key, claimId, answer));
        } catch (RuntimeException e) {
            keys.release(key, claimId);
            throw e;
        }
    }

    private void keep(String key, String claimId, Answer answer) {
        String body;
        try {
            body = mapper.writeValueAsString(answer.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer is not JSON", e);
        }
        if (!keys.complete(key, claimId, answer.status(), body, answer.location(),
                clock.instant().plus(settings.keyTtl()))) {
            // throwing rolls the effect back: the request that took the key over has its own
            throw new ApiException(409, "idempotency_key_in_progress", "this request ran longer than the "
                    + HEADER + " is held for, and another request with it took over; retry to get its answer");
        }
    }

    private Answer kept(IdempotencyKeys.Row row) {
        try {
            return new Answer(row.status(), mapper.readTree(row.body()), row.location());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kept answer is not JSON", e);
        }
    }

    private void write(Exchange exchange, Answer answer, boolean replayed) {
        json.respond(exchange, answer.status(), answer.body());
        if (answer.location() != null) {
            exchange.getMessage().setHeader("Location", answer.location());
        }
        if (replayed) {
            exchange.getMessage().setHeader(REPLAYED_HEADER, "true");
        }
    }

    private String hash(String target, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            // the parsed request, not the raw bytes: a client that re-sends it with other spacing or key order
            // sends the same request
            sha256.update(mapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    /** Expired keys go at most every ten minutes, swept by whichever request comes by: no thread of its own. */
    private void sweepNowAndThen() {
        long now = clock.millis();
        long next = nextSweepMillis.get();
        if (now >= next && nextSweepMillis.compareAndSet(next, now + SWEEP_EVERY.toMillis())) {
            keys.removeExpired(clock.instant());
        }
    }
}
