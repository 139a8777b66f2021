-- Operations: per-tenant rate-limit overrides, replay/repeat links and call context in the invocation log.

-- Per-tenant overrides of the deployment's rate limits (invocations per minute); null = deployment default,
-- 0 = unlimited.
alter table tenants add column rate_limit_tenant_per_minute integer;
alter table tenants add column rate_limit_tool_per_minute integer;
alter table tenants add column rate_limit_test_fire_per_minute integer;

-- The invocation this one replays (POST /v1/invocations/{id}/replay), or null.
alter table invocations add column replay_of uuid;
-- The invocation whose result this one reused (duplicate call inside the window, or in flight), or null.
alter table invocations add column repeat_of uuid;
-- JSON {"id","caller_number","variables"}: the call context, kept so a replay sends the same request.
alter table invocations add column call_context varchar;

create index invocations_created_idx on invocations (created_at);
