-- The audit log: who did what to which subject, when, why and from where. Append-only; auditors query it by
-- time, actor and subject.
CREATE TABLE IF NOT EXISTS lianxin_audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    actor_role  text        NOT NULL,
    action      text        NOT NULL,
    subject     text        NOT NULL,
    reason      text,
    from_addr   text,
    details     text,
    -- "/district/street/center/": the subject's place in the center tree, for region-scoped queries.
    center_path text        NOT NULL
);

CREATE INDEX IF NOT EXISTS lianxin_audit_log_at ON lianxin_audit_log (at DESC);
CREATE INDEX IF NOT EXISTS lianxin_audit_log_actor ON lianxin_audit_log (actor, at DESC);
-- text_pattern_ops serves subject LIKE 'prefix%' whatever the database's collation.
CREATE INDEX IF NOT EXISTS lianxin_audit_log_subject ON lianxin_audit_log (subject text_pattern_ops, at DESC);
