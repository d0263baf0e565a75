-- The relay reads "where shard in (its shards) order by id fetch first n". With an index on (shard, id), H2 took the
-- rows of those shards from it, all of them, and sorted them to return the first n: a round cost as much as the
-- outbox was long, so once a hiccup (a long GC, a profiler attaching) left a backlog, every round got slower, the
-- backlog grew faster, and delivery all but stopped while the orders kept coming. Without it, both databases read the
-- primary key in id order and stop after n rows of the relay's shards: a round costs the same at any backlog. It also
-- spares every insert and delete of the outbox one index.
drop index outbox_by_shard;
