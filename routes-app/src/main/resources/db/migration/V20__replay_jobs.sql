-- Portable SQL: runs on the embedded H2 and on PostgreSQL.

-- A replay of dead letters as a job the app runs in the background. A dry run plans one (state PLANNED) and
-- pins the ids it selected; confirming it queues exactly those. States: PLANNED, QUEUED, RUNNING, CANCELLING,
-- DONE, CANCELLED, FAILED, INTERRUPTED (the app stopped while it was queued or running).
create table replay_jobs (
    id              varchar(36)  primary key,
    state           varchar(20)  not null,
    rate_per_second int          not null,
    requested_by    varchar(255) not null,
    created_at      timestamp with time zone not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone,
    selected        int          not null,
    sent            int          not null,
    refused         int          not null,
    failed          int          not null,
    detail          varchar(1000)
);
create index replay_jobs_by_state on replay_jobs (state, created_at);

-- The pinned selection, in replay order; outcome stays null until the job has handled the item.
create table replay_job_items (
    job_id         varchar(36)  not null references replay_jobs (id),
    seq            int          not null,
    dead_letter_id varchar(300) not null,
    outcome        varchar(20),
    reason         varchar(1000),
    primary key (job_id, seq)
);

-- The dead-letter record's key and headers exactly as they were on the DLT, so a replay resends the same bytes.
-- Null for records indexed before this migration: those are replayed from the text columns as before.
alter table dead_letters add column record_key_bytes bytea;
alter table dead_letters add column headers_raw text;

-- GET /api/orders/{id} names the cart an order was checked out from.
create index carts_by_order on carts (order_id);
