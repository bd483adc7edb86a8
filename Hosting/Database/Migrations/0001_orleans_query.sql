-- 0001: the statement catalogue that Orleans' ADO.NET providers read at start-up.
--
-- Each provider runs `SELECT QueryKey, QueryText FROM OrleansQuery` (unquoted, so PostgreSQL folds the
-- names to lower case) and then executes only the statement texts it finds here, binding its own named
-- parameters (@ServiceId, @GrainIdN0, ...) and reading result columns by name. The table name and its
-- two column names are therefore fixed by Orleans; everything the statements touch is ours.
--
-- The later migrations add their rows with INSERT ... ON CONFLICT DO UPDATE, so a migration that
-- replaces a statement is an upsert of that key in a new migration file.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pkey PRIMARY KEY (querykey)
);

COMMENT ON TABLE orleansquery IS
    'Named SQL statements executed by the Orleans ADO.NET providers. Owned by Lianxin migrations: change a row only through a new migration.';
