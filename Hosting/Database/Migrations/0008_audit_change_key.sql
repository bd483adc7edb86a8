-- The change an audit entry records (an emergency's journal event), when it has one: a command retried after a
-- time-out is audited once, not once per attempt.
ALTER TABLE lianxin_audit_log ADD COLUMN IF NOT EXISTS change_key text;

CREATE UNIQUE INDEX IF NOT EXISTS lianxin_audit_log_change_key ON lianxin_audit_log (change_key) WHERE change_key IS NOT NULL;
