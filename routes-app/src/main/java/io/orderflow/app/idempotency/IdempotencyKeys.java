package io.orderflow.app.idempotency;

import static io.orderflow.app.database.Timestamps.read;
import static io.orderflow.app.database.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table. A claim, a release and a look-up commit on their own (no surrounding
 * transaction): a claim must be visible to the other instances at once, and must not be rolled back with the work
 * it guards. {@link #complete} is the exception: it runs in the transaction of the request's effect, so the effect
 * and its kept answer commit together or not at all.
 */
@Repository
class IdempotencyKeys {

    enum State { IN_PROGRESS, DONE }

    record Row(String requestHash, State state, Integer status, String body, String location, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True if this caller now owns the key until {@code leaseUntil}; false if a row for it exists (the primary key
     * said no).
     */
    boolean claim(String key, String requestHash, String claimId, Instant now, Instant leaseUntil) {
        try {
            jdbc.sql("""
                    insert into idempotency_keys (idempotency_key, request_hash, state, claim_id, created_at,
                                                  expires_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(key, requestHash, State.IN_PROGRESS.name(), claimId, utc(now), utc(leaseUntil))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Row> find(String key) {
        return jdbc.sql("""
                select request_hash, state, response_status, response_body, response_location, expires_at
                from idempotency_keys where idempotency_key = ?""")
                .param(key)
                .query((rs, n) -> new Row(rs.getString("request_hash"), State.valueOf(rs.getString("state")),
                        (Integer) rs.getObject("response_status"), rs.getString("response_body"),
                        rs.getString("response_location"), read(rs, "expires_at")))
                .optional();
    }

    /** Keeps the answer if the claim is still this caller's; false if its lease ran out and another took over. */
    boolean complete(String key, String claimId, int status, String body, String location, Instant expiresAt) {
        return jdbc.sql("""
                update idempotency_keys set state = ?, response_status = ?, response_body = ?, response_location = ?,
                                            expires_at = ?
                where idempotency_key = ? and claim_id = ? and state = ?""")
                .params(State.DONE.name(), status, body, location, utc(expiresAt), key, claimId,
                        State.IN_PROGRESS.name())
                .update() == 1;
    }

    /** Gives the key up after a request that had no effect, so a retry with it runs. */
    void release(String key, String claimId) {
        jdbc.sql("delete from idempotency_keys where idempotency_key = ? and claim_id = ? and state = ?")
                .params(key, claimId, State.IN_PROGRESS.name())
                .update();
    }

    /**
     * Removes the key if it expired (a kept answer past its time to live, or a claim past its lease: its request
     * died with its instance, and its effect, never committed, died with it); a concurrent caller may do the same,
     * and one claim wins after.
     */
    void removeIfExpired(String key, Instant now) {
        jdbc.sql("delete from idempotency_keys where idempotency_key = ? and expires_at <= ?")
                .params(key, utc(now))
                .update();
    }

    int removeExpired(Instant now) {
        return jdbc.sql("delete from idempotency_keys where expires_at <= ?").param(utc(now)).update();
    }
}
