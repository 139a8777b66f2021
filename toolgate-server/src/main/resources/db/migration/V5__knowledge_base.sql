-- Knowledge bases (docs/knowledge-base.md): the documents of each agent and their chunks with embeddings. The Lucene
-- index under <data-dir>/knowledge is built from these rows, so every instance can rebuild its own copy.
-- Portable SQL: H2 (MODE=PostgreSQL) and PostgreSQL both take bytea and an unbounded varchar.

create table knowledge_documents (
    id              uuid primary key,
    tenant_id       uuid not null references tenants (id) on delete cascade,
    agent_id        uuid not null references agents (id) on delete cascade,
    title           varchar(500) not null,
    -- text/plain, text/markdown, text/html, application/pdf or the DOCX media type
    content_type    varchar(128) not null,
    -- the https URL it was fetched from, or null for an uploaded document
    source_url      varchar(2048),
    size_bytes      bigint not null,
    -- processing | ready | failed
    status          varchar(16) not null,
    -- why processing failed (safe to show: no document text), or null
    failure_reason  varchar(1000),
    chunk_count     integer not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index knowledge_documents_agent_idx on knowledge_documents (tenant_id, agent_id, created_at);
create index knowledge_documents_status_idx on knowledge_documents (status, updated_at);

create table knowledge_chunks (
    document_id  uuid not null references knowledge_documents (id) on delete cascade,
    chunk_index  integer not null,
    -- the heading path the chunk sits under, '' before the first heading
    section      varchar(2000) not null,
    text         varchar not null,
    token_count  integer not null,
    -- the L2-normalized embedding: all-MiniLM-L6-v2, 384 float32 values, little-endian
    embedding    bytea not null,
    primary key (document_id, chunk_index)
);
