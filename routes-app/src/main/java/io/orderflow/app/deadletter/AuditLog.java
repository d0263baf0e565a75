package io.orderflow.app.deadletter;

import static io.orderflow.app.database.Timestamps.read;
import static io.orderflow.app.database.Timestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who did what, and how it ended: every replay (per dead letter and per job), dry run and discard, and every route
 * stopped, suspended, started or resumed.
 */
@Repository
public class AuditLog {

    public enum Action { REPLAY, DRY_RUN, DISCARD, REPLAY_JOB, ROUTE_STOP, ROUTE_SUSPEND, ROUTE_START, ROUTE_RESUME }

    public record Entry(long id, Instant at, String actor, Action action, String deadLetterId, String outcome,
                        String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, Action action, String deadLetterId, String outcome, String detail) {
        jdbc.sql("""
                insert into dead_letter_audit (at, actor, action, dead_letter_id, outcome, detail)
                values (?, ?, ?, ?, ?, ?)""")
                .params(utc(clock.instant()), actor, action.name(), deadLetterId, outcome,
                        detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
                .update();
    }

    public List<Entry> recent(int limit) {
        return jdbc.sql("""
                select id, at, actor, action, dead_letter_id, outcome, detail from dead_letter_audit
                order by id desc fetch first ? rows only""")
                .param(limit)
                .query((rs, row) -> new Entry(rs.getLong("id"), read(rs, "at"), rs.getString("actor"),
                        Action.valueOf(rs.getString("action")), rs.getString("dead_letter_id"),
                        rs.getString("outcome"), rs.getString("detail")))
                .list();
    }
}
