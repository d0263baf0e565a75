-- Portable SQL: runs on the embedded H2 and on PostgreSQL.
-- The dead letter's key and headers as bytes, so a replay resends them unchanged (same key bytes, so the same
-- partition; binary header values intact). record_key and headers_json stay as the readable forms for the API.
-- Rows indexed before this version have neither; their replay falls back to the readable forms.
alter table dead_letters add column record_key_bytes bytea;
-- JSON array of [name, base64 value] pairs, in record order (the outbox's format)
alter table dead_letters add column headers_bytes text;
