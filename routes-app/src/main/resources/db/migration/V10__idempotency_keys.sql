-- Idempotency-Key of POST /api/orders and POST /api/carts/{cartId}/checkout. The primary key decides which of
-- concurrent requests with one key runs, across every application instance sharing the database.
create table idempotency_keys (
    idempotency_key  varchar(255)   not null primary key,
    request_hash     varchar(64)    not null,
    state            varchar(20)    not null,
    response_status  int,
    response_body    varchar(16000),
    response_location varchar(500),
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null
);
create index idempotency_keys_by_expiry on idempotency_keys (expires_at);
