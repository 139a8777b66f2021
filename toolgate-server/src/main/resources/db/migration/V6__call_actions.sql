-- Voice-runtime tools: the call-control action an invocation handed the voice runtime, and each tenant's call
-- settings.

-- JSON of the action (docs/voice-runtime.md: {"type": "transfer", "destination": {...}, ...}), or null for an
-- invocation without one (an http_request, extract_variable or knowledge_base tool, or a failure).
alter table invocations add column action varchar;

-- The ISO 3166-1 alpha-2 region (or ZZ) and the time-zone id a tenant's calls are read in (national phone forms,
-- spoken destinations, numeric and relative dates); null = the deployment's toolgate.calls.default-region / time-zone.
alter table tenants add column call_region varchar(2);
alter table tenants add column call_time_zone varchar(64);
