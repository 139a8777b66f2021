-- The embedded H2 database keeps the invocation log as a plain table (H2 has no declarative partitioning);
-- RetentionJob deletes its old rows in batches. This migration exists so the version numbers line up with
-- db/vendor/postgresql/V4__partition_invocations.sql, which partitions the table by day on PostgreSQL.
alter table invocations alter column created_at set not null;
