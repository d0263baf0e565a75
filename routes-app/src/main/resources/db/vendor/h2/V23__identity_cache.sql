-- H2 writes an identity column's next value into its schema every time the values it holds in memory run out (32 by
-- default), in a transaction of its own whose commit rewrites the page of the schema that holds the sequence: for
-- the outbox, written with every event, that was the most expensive part of an insert (a fifth of the stage
-- threads' CPU at saturation, JFR). The values are still handed out one after the other from one counter, so the
-- outbox keeps its id order; a restart only skips what was held.
alter table outbox alter column id set cache 1000;
alter table ignored_events alter column id set cache 1000;
