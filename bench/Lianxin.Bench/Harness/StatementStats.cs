using System.Globalization;
using System.Text;
using Npgsql;

namespace Lianxin.Bench.Harness;

/// <summary>
/// PostgreSQL's own account of a run (<c>pg_stat_statements</c>, loaded by the server this harness starts): each
/// statement's calls, rows and execution time per event, written beside the logs and printed as details, so the
/// database's share of an ingest figure is known statement by statement. Silent on a server without the extension.
/// </summary>
internal sealed class StatementStats
{
    private readonly string? _connectionString;

    private StatementStats(string? connectionString) => _connectionString = connectionString;

    /// <summary>Starts counting from zero on the database of <paramref name="connectionString"/>.</summary>
    public static async Task<StatementStats> ResetAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using (var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
            await reset.ExecuteNonQueryAsync();
            return new StatementStats(connectionString);
        }
        catch (PostgresException)
        {
            // Not loaded on this server (shared_preload_libraries): nothing to report.
            return new StatementStats(null);
        }
    }

    /// <summary>The statements that took the most time since the reset, per event, as details and in a file.</summary>
    public async Task ReportAsync(BenchContext context, double events, string name = "ingest")
    {
        if (_connectionString is null || events <= 0)
        {
            return;
        }

        const string Sql = """
            SELECT query, calls, rows, total_exec_time, total_plan_time
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time + total_plan_time DESC
            LIMIT 12
            """;
        var text = new StringBuilder("µs per event\tcalls\trows\tstatement\n");
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rank = 0;
        while (await reader.ReadAsync())
        {
            var query = string.Join(' ', reader.GetString(0).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var (calls, rows) = (reader.GetInt64(1), reader.GetInt64(2));
            var microseconds = (reader.GetDouble(3) + reader.GetDouble(4)) * 1000 / events;
            text.Append(CultureInfo.InvariantCulture, $"{microseconds:0.00}\t{calls}\t{rows}\t{query}\n");
            if (rank++ < 6)
            {
                context.Results.Detail(
                    $"{name}.statement_{rank}", $"    SQL time per event: {(query.Length > 48 ? query[..48] + "…" : query)}", microseconds, "µs",
                    $"{calls:N0} calls, {rows:N0} rows: {(query.Length > 200 ? query[..200] + "…" : query)}");
            }
        }

        var path = Path.Combine(context.WorkDirectory, $"{name}-statements.tsv");
        await File.WriteAllTextAsync(path, text.ToString());
        Console.WriteLine($"   statements: {path}");
    }
}
