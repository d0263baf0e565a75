-- Which request holds an in-progress key: its answer is kept in the transaction of its effect only while it still
-- holds the claim, so a request that outlived its claim (another took the key over) rolls its effect back.
alter table idempotency_keys add column claim_id varchar(36);
