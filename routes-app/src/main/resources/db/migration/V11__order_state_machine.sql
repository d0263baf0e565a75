-- Portable SQL: runs on the embedded H2 and on PostgreSQL.
-- V11, not V4: databases that already ran V10 would refuse a lower version (Flyway's outOfOrder is off).

-- status events read before their prerequisite (dispatched before paid was read), kept as facts and applied in
-- the transaction of the event that makes them applicable; rejected_cause is set when history went another way
create table order_pending_events (
    order_id       varchar(64)  not null references orders (order_id),
    event_id       varchar(36)  not null,
    status         varchar(20)  not null,
    at             timestamp with time zone not null,
    settled        boolean      not null,
    rejected_cause varchar(500),
    primary key (order_id, event_id)
);
create index order_pending_events_waiting on order_pending_events (order_id, settled);
