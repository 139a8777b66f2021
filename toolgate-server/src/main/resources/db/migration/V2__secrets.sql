-- Secrets encrypted at rest (docs/secrets.md). Every secret column holds "tgenc1:<base64>": a Google Tink AEAD
-- ciphertext under the master key, bound to its row by associated data. V2.1 (a Java migration,
-- dev.toolgate.server.secrets.EncryptPlaintextSecretsMigration) encrypts the rows V1 stored in plaintext.

-- The tool's auth token or header value; the definition column keeps "***" in its place. Null without auth.
alter table tools add column auth_secret varchar;

-- Ciphertexts are longer than the secrets.
alter table signing_secrets alter column secret set data type varchar(1024);

-- Tenant secrets for {{secrets.NAME}} templates, managed at /v1/secrets.
create table tenant_secrets (
    id          uuid primary key,
    tenant_id   uuid not null references tenants (id) on delete cascade,
    -- ^[A-Za-z0-9_.-]{1,128}$, as in {{secrets.NAME}}
    name        varchar(128) not null,
    ciphertext  varchar not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint tenant_secrets_name_uq unique (tenant_id, name)
);
