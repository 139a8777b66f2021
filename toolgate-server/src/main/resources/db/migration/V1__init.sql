-- Toolgate schema. Portable SQL: runs on PostgreSQL and on H2 in MODE=PostgreSQL (the embedded default).

create table tenants (
    id          uuid primary key,
    name        varchar(255) not null,
    created_at  timestamp with time zone not null
);

create table api_keys (
    id            uuid primary key,
    tenant_id     uuid not null references tenants (id) on delete cascade,
    name          varchar(255) not null,
    -- SHA-256 (hex) of the whole key; keys are 32 random bytes, so a fast hash is enough (no password stretching).
    key_hash      varchar(64) not null unique,
    -- the first characters of the key (e.g. "tg_live_AbCd"), shown in listings so a key can be recognised
    key_prefix    varchar(32) not null,
    scopes        varchar(512) not null,
    created_at    timestamp with time zone not null
);

create table agents (
    id           uuid primary key,
    tenant_id    uuid not null references tenants (id) on delete cascade,
    name         varchar(255) not null,
    description  varchar(2000),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);
create index agents_tenant_idx on agents (tenant_id, created_at);

create table tools (
    id           uuid primary key,
    tenant_id    uuid not null references tenants (id) on delete cascade,
    agent_id     uuid not null references agents (id) on delete cascade,
    name         varchar(64) not null,
    tool_type    varchar(32) not null,
    is_enabled   boolean not null,
    priority     integer not null,
    -- the whole tool definition as JSON (the native shape, secrets unmasked)
    definition   varchar not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint tools_agent_name_uq unique (agent_id, name)
);

create table signing_secrets (
    id          uuid primary key,
    tool_id     uuid not null references tools (id) on delete cascade,
    secret      varchar(256) not null,
    created_at  timestamp with time zone not null,
    -- null while the secret is current; set when a rotation retires it (it keeps signing until then)
    expires_at  timestamp with time zone
);
create index signing_secrets_tool_idx on signing_secrets (tool_id);

create table invocations (
    id                uuid primary key,
    tenant_id         uuid not null,
    agent_id          uuid not null,
    tool_id           uuid,
    tool_name         varchar(255) not null,
    -- invoke | test_fire
    kind              varchar(16) not null,
    tool_call_id      varchar(255),
    call_id           varchar(255),
    -- ok | error
    status            varchar(8) not null,
    error_code        varchar(64),
    error_message     varchar(2000),
    http_status       integer,
    truncated         boolean not null,
    duration_ms       double precision not null,
    -- JSON: {"dns_ms":..,"connect_ms":..,"tls_ms":..,"first_byte_ms":..,"total_ms":..}
    timings           varchar(1000),
    -- JSON text of the arguments as received (after parsing)
    arguments         varchar,
    -- JSON: {"method","url","headers","body"} with secrets masked
    request           varchar,
    -- the first 4 KiB of the response body
    response_preview  varchar(8192),
    created_at        timestamp with time zone not null
);
create index invocations_agent_idx on invocations (tenant_id, agent_id, created_at);
create index invocations_tool_idx on invocations (tool_id, created_at);
