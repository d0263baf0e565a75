package io.orderflow.app.deadletter;

import static io.orderflow.app.database.Timestamps.read;
import static io.orderflow.app.database.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Replay jobs in the database: the pinned selection of dead-letter ids, each item's outcome once handled, and
 * the running counts, so a job's progress is the app's and outlives any client that watches it.
 */
@Repository
public class ReplayJobStore {

    public enum State {
        /** A dry run's selection, waiting for its confirmation. */
        PLANNED,
        QUEUED, RUNNING, CANCELLING,
        DONE, CANCELLED, FAILED,
        /** The app stopped while the job was queued or running; its remaining items were not sent. */
        INTERRUPTED
    }

    public enum ItemOutcome { REPLAYED, REFUSED, FAILED }

    /** An item that was not replayed, and why. */
    public record Problem(String deadLetterId, ItemOutcome outcome, String reason) {
    }

    /** A job as the API shows it; {@code problems} lists the first refused or failed items (only on a single job). */
    public record Job(String id, State state, int ratePerSecond, String requestedBy, Instant createdAt,
                      Instant startedAt, Instant finishedAt, int selected, int sent, int refused, int failed,
                      int remaining, String detail, List<Problem> problems) {
    }

    public record Item(int seq, String deadLetterId) {
    }

    static final int MAX_PROBLEMS = 50;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public ReplayJobStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Stores a new job over {@code deadLetterIds} in their order and returns its id. */
    public String create(List<String> deadLetterIds, State state, int ratePerSecond, String actor, Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into replay_jobs (id, state, rate_per_second, requested_by, created_at, selected, sent, refused,
                                         failed)
                values (?, ?, ?, ?, ?, ?, 0, 0, 0)""")
                .params(id, state.name(), ratePerSecond, actor, utc(now), deadLetterIds.size())
                .update();
        List<Object[]> rows = new ArrayList<>(deadLetterIds.size());
        for (int i = 0; i < deadLetterIds.size(); i++) {
            rows.add(new Object[] {id, i, deadLetterIds.get(i)});
        }
        batch.batchUpdate("insert into replay_job_items (job_id, seq, dead_letter_id) values (?, ?, ?)", rows);
        return id;
    }

    /** Queues a planned job at a rate, once: false when it is not (or no longer) planned. */
    public boolean queuePlanned(String id, int ratePerSecond, String actor) {
        return jdbc.sql("update replay_jobs set state = 'QUEUED', rate_per_second = ?, requested_by = ?"
                        + " where id = ? and state = 'PLANNED'")
                .params(ratePerSecond, actor, id).update() == 1;
    }

    public boolean markRunning(String id, Instant now) {
        return jdbc.sql("update replay_jobs set state = 'RUNNING', started_at = ? where id = ? and state = 'QUEUED'")
                .params(utc(now), id).update() == 1;
    }

    public Optional<Job> find(String id) {
        return jdbc.sql(select() + " where id = ?").param(id).query(this::job).optional()
                .map(job -> withProblems(job, problems(id)));
    }

    /** The latest jobs that were started, newest first; planned dry runs are not jobs yet. */
    public List<Job> recent(int limit) {
        return jdbc.sql(select() + " where state <> 'PLANNED' order by created_at desc fetch first ? rows only")
                .param(limit).query(this::job).list();
    }

    public State state(String id) {
        return State.valueOf(jdbc.sql("select state from replay_jobs where id = ?").param(id)
                .query(String.class).single());
    }

    /** Items not handled yet after {@code afterSeq}, in order, at most {@code limit}. */
    public List<Item> pendingItems(String id, int afterSeq, int limit) {
        return jdbc.sql("""
                select seq, dead_letter_id from replay_job_items where job_id = ? and seq > ? and outcome is null
                order by seq fetch first ? rows only""")
                .params(id, afterSeq, limit)
                .query((rs, row) -> new Item(rs.getInt(1), rs.getString(2)))
                .list();
    }

    /** Records an item's outcome and counts it; call in the transaction that makes the outcome true. */
    public void recordItem(String id, int seq, ItemOutcome outcome, String reason) {
        jdbc.sql("update replay_job_items set outcome = ?, reason = ? where job_id = ? and seq = ?")
                .params(outcome.name(), truncate(reason), id, seq).update();
        String counter = switch (outcome) {
            case REPLAYED -> "sent";
            case REFUSED -> "refused";
            case FAILED -> "failed";
        };
        jdbc.sql("update replay_jobs set " + counter + " = " + counter + " + 1 where id = ?").param(id).update();
    }

    public void finish(String id, State state, String detail, Instant now) {
        jdbc.sql("update replay_jobs set state = ?, detail = ?, finished_at = ? where id = ?")
                .params(state.name(), truncate(detail), utc(now), id).update();
    }

    /** A queued job ends at once; a running one is asked to stop after its current item. False if neither. */
    public boolean cancel(String id, Instant now) {
        int queued = jdbc.sql("update replay_jobs set state = 'CANCELLED', finished_at = ?, detail = ?"
                        + " where id = ? and state = 'QUEUED'")
                .params(utc(now), "cancelled before it started", id).update();
        return queued == 1 || jdbc.sql("update replay_jobs set state = 'CANCELLING' where id = ? and state = 'RUNNING'")
                .param(id).update() == 1;
    }

    /** After a restart nothing runs the jobs an earlier process left queued or running: they are interrupted. */
    public int interruptUnfinished(Instant now) {
        return jdbc.sql("""
                update replay_jobs set state = 'INTERRUPTED', finished_at = ?,
                       detail = 'the app stopped before the job finished; replay the rest again'
                where state in ('QUEUED', 'RUNNING', 'CANCELLING')""")
                .param(utc(now)).update();
    }

    /** Dry runs nobody confirmed are dropped after a while, so plans do not pile up. */
    public void forgetPlansBefore(Instant cutoff) {
        jdbc.sql("delete from replay_job_items where job_id in"
                + " (select id from replay_jobs where state = 'PLANNED' and created_at < ?)").param(utc(cutoff)).update();
        jdbc.sql("delete from replay_jobs where state = 'PLANNED' and created_at < ?").param(utc(cutoff)).update();
    }

    private List<Problem> problems(String id) {
        return jdbc.sql("""
                select dead_letter_id, outcome, reason from replay_job_items
                where job_id = ? and outcome in ('REFUSED', 'FAILED') order by seq fetch first ? rows only""")
                .params(id, MAX_PROBLEMS)
                .query((rs, row) -> new Problem(rs.getString(1), ItemOutcome.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    private static String select() {
        return """
                select id, state, rate_per_second, requested_by, created_at, started_at, finished_at, selected, sent,
                       refused, failed, detail
                from replay_jobs""";
    }

    private Job job(ResultSet rs, int row) throws SQLException {
        int selected = rs.getInt("selected");
        int sent = rs.getInt("sent");
        int refused = rs.getInt("refused");
        int failed = rs.getInt("failed");
        return new Job(rs.getString("id"), State.valueOf(rs.getString("state")), rs.getInt("rate_per_second"),
                rs.getString("requested_by"), read(rs, "created_at"), read(rs, "started_at"),
                read(rs, "finished_at"), selected, sent, refused, failed, selected - sent - refused - failed,
                rs.getString("detail"), List.of());
    }

    private static Job withProblems(Job j, List<Problem> problems) {
        return new Job(j.id(), j.state(), j.ratePerSecond(), j.requestedBy(), j.createdAt(), j.startedAt(),
                j.finishedAt(), j.selected(), j.sent(), j.refused(), j.failed(), j.remaining(), j.detail(), problems);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
    }
}
