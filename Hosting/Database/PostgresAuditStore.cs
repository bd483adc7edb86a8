using Lianxin.Audit;
using Npgsql;

namespace Lianxin.Hosting.Database;

/// <summary>The audit log in PostgreSQL (<c>lianxin_audit_log</c>); an entry is committed before the call returns.</summary>
public sealed class PostgresAuditStore(NpgsqlDataSource dataSource) : IAuditStore
{
    private const string InsertSql = """
        INSERT INTO lianxin_audit_log (at, actor, actor_role, action, subject, reason, from_addr, details, center_path, change_key)
        VALUES (@at, @actor, @role, @action, @subject, @reason, @from, @details, @path, @key)
        ON CONFLICT (change_key) WHERE change_key IS NOT NULL DO NOTHING
        """;

    private const string QuerySql = """
        SELECT at, actor, actor_role, action, subject, reason, from_addr, details, center_path
        FROM lianxin_audit_log
        WHERE (@from::timestamptz IS NULL OR at >= @from)
          AND (@to::timestamptz IS NULL OR at < @to)
          AND (@actor::text IS NULL OR actor = @actor)
          AND (@subject::text IS NULL OR subject LIKE @subject)
          AND (@within::text IS NULL OR center_path LIKE @within)
        ORDER BY at DESC, id DESC
        LIMIT @limit
        """;

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.AddWithValue("at", record.At.UtcDateTime);
        command.Parameters.AddWithValue("actor", record.Actor);
        command.Parameters.AddWithValue("role", record.ActorRole);
        command.Parameters.AddWithValue("action", record.Action);
        command.Parameters.AddWithValue("subject", record.Subject);
        command.Parameters.AddWithValue("reason", (object?)record.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("from", (object?)record.From ?? DBNull.Value);
        command.Parameters.AddWithValue("details", (object?)record.Details ?? DBNull.Value);
        command.Parameters.AddWithValue("path", record.CenterPath);
        command.Parameters.AddWithValue("key", NpgsqlTypes.NpgsqlDbType.Text, (object?)record.Key ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(QuerySql);
        command.Parameters.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)query.From?.UtcDateTime ?? DBNull.Value);
        command.Parameters.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)query.To?.UtcDateTime ?? DBNull.Value);
        command.Parameters.AddWithValue("actor", NpgsqlTypes.NpgsqlDbType.Text, (object?)query.Actor ?? DBNull.Value);
        command.Parameters.AddWithValue("subject", NpgsqlTypes.NpgsqlDbType.Text, query.SubjectPrefix is null ? DBNull.Value : EscapeLike(query.SubjectPrefix) + "%");
        command.Parameters.AddWithValue("within", NpgsqlTypes.NpgsqlDbType.Text, query.WithinCenter is null ? DBNull.Value : $"%/{EscapeLike(query.WithinCenter)}/%");
        command.Parameters.AddWithValue("limit", query.Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AuditRecord(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8)));
        }

        return records;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
