-- Voice-runtime tools: the call-control action an invocation handed the voice runtime.

-- JSON of the action (docs/voice-runtime.md: {"type": "transfer", "destination": {...}, ...}), or null for an
-- invocation without one (an http_request, extract_variable or knowledge_base tool, or a failure).
alter table invocations add column action varchar;
