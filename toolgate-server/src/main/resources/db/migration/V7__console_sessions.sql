-- The console's server-side sessions (docs/console.md). The browser holds only the session token; the row holds its
-- SHA-256 hash and the API key's id, never the key. Deleting (revoking) the key deletes its sessions and links.
create table console_sessions (
    token_hash    varchar(64) primary key,
    key_id        uuid not null references api_keys (id) on delete cascade,
    -- the synchronizer token every state-changing request of this session must carry
    csrf_token    varchar(64) not null,
    created_at    timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null
);
create index console_sessions_key_idx on console_sessions (key_id);
create index console_sessions_seen_idx on console_sessions (last_seen_at);

-- One-time sign-in links (`toolgate demo` prints one): single use, short expiry.
create table console_sign_in_links (
    token_hash    varchar(64) primary key,
    key_id        uuid not null references api_keys (id) on delete cascade,
    expires_at    timestamp with time zone not null
);
