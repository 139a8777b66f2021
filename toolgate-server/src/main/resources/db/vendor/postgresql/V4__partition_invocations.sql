-- PostgreSQL only (the H2 counterpart, db/vendor/h2/V4__partition_invocations.sql, keeps a plain table): the
-- invocation log becomes a table partitioned by day on created_at (docs/invocation-log.md), so retention drops whole
-- partitions instead of deleting rows. The existing table is copied into the new one and the names are swapped.
-- There is no default partition: RetentionJob creates the partitions ahead (today + 7 days, UTC) at each start and
-- on each run; this migration creates those for the existing rows and for the next 7 days.

create table invocations_partitioned (like invocations including defaults) partition by range (created_at);

do $$
declare
    first_day date := least(coalesce((select min(created_at at time zone 'UTC')::date from invocations),
                                     (now() at time zone 'UTC')::date),
                            (now() at time zone 'UTC')::date);
    last_day  date := (now() at time zone 'UTC')::date + 7;
    day       date;
begin
    day := first_day;
    while day <= last_day loop
        execute format(
            'create table %I partition of invocations_partitioned for values from (%L) to (%L)',
            'invocations_' || to_char(day, 'YYYYMMDD'),
            to_char(day, 'YYYY-MM-DD') || ' 00:00:00+00',
            to_char(day + 1, 'YYYY-MM-DD') || ' 00:00:00+00');
        day := day + 1;
    end loop;
end $$;

insert into invocations_partitioned select * from invocations;

drop table invocations;
alter table invocations_partitioned rename to invocations;

-- PostgreSQL requires the partition key in the primary key; ids are random UUIDs, so (id, created_at) is as unique
-- as id. A lookup by id alone uses invocations_id_idx in each partition.
alter table invocations add constraint invocations_pkey primary key (id, created_at);
create index invocations_id_idx on invocations (id);
create index invocations_agent_idx on invocations (tenant_id, agent_id, created_at);
create index invocations_tool_idx on invocations (tool_id, created_at);
-- Rows arrive in created_at order, so a BRIN index is small and enough for time ranges.
create index invocations_created_idx on invocations using brin (created_at);
