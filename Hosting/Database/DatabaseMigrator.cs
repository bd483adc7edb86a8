using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lianxin.Hosting.Database;

/// <summary>
/// Applies the project's versioned PostgreSQL schema: the SQL files under <c>Database/Migrations</c>, embedded in
/// this assembly and named <c>NNNN_description.sql</c>, in ascending order of <c>NNNN</c>. Each migration runs in
/// its own transaction together with its row in <c>lianxin_schema_migrations</c>, so it is applied completely and
/// exactly once. A PostgreSQL advisory lock serializes hosts that start at the same moment.
/// </summary>
/// <remarks>
/// Shipped migrations are never edited: a change is a new file with the next number. Migrations cannot contain
/// statements that refuse to run inside a transaction (for example <c>CREATE INDEX CONCURRENTLY</c>).
/// </remarks>
public sealed partial class DatabaseMigrator
{
    /// <summary>Key of the session advisory lock that serializes migrators ("lianxin" in ASCII).</summary>
    private const long AdvisoryLockKey = 0x6c69616e78696e;

    private const string HistoryTable = "lianxin_schema_migrations";

    [GeneratedRegex(@"Migrations\.(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex MigrationResourcePattern();

    private readonly string _connectionString;
    private readonly ILogger<DatabaseMigrator> _logger;

    /// <summary>Creates a migrator for the database named by <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string; pooling is turned off for the migrator's own connection.</param>
    /// <param name="logger">Receives one entry per applied migration and a summary.</param>
    public DatabaseMigrator(string connectionString, ILogger<DatabaseMigrator> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);

        // A pooled physical connection outlives Close(); with "No Reset On Close" it would keep the session
        // advisory lock if the unlock were ever skipped. An unpooled connection ends the session, and the lock
        // with it, whatever happens. Multiplexing needs pooling and shares sessions, so it goes too.
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            Multiplexing = false,
        };
        _connectionString = builder.ConnectionString;
        _logger = logger;
    }

    /// <summary>
    /// Applies every embedded migration that the database has not recorded yet, and returns once the schema is
    /// current. Safe to call from several hosts at once: they wait for each other and each migration runs once.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the lock or a running migration (which then rolls back).</param>
    /// <returns>A task that completes when the schema is current.</returns>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var migrations = LoadEmbeddedMigrations();

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        LogWaitingForLock(_logger, connection.Database);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key)", AdvisoryLockKey, cancellationToken)
            .ConfigureAwait(false);
        try
        {
            // Created under the lock: two sessions racing on CREATE TABLE IF NOT EXISTS can still collide.
            await ExecuteAsync(
                    connection,
                    null,
                    $"""
                    CREATE TABLE IF NOT EXISTS {HistoryTable}
                    (
                        version    integer     NOT NULL PRIMARY KEY,
                        name       text        NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    )
                    """,
                    null,
                    cancellationToken)
                .ConfigureAwait(false);

            var applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);
            WarnAboutHistoryMismatches(migrations, applied);

            var appliedNow = 0;
            var pending = migrations.Count(m => !applied.ContainsKey(m.Version));
            foreach (var migration in migrations)
            {
                if (applied.ContainsKey(migration.Version))
                {
                    continue;
                }

                // A long migration on a large table says where the run is: which one of how many.
                LogProgress(_logger, appliedNow + 1, pending);
                await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false);
                applied[migration.Version] = migration.Name;
                appliedNow++;
            }

            LogSchemaCurrent(_logger, applied.Keys.Max(), appliedNow);
        }
        finally
        {
            await ReleaseLockAsync(connection).ConfigureAwait(false);
        }
    }

    private async Task ReleaseLockAsync(NpgsqlConnection connection)
    {
        if (connection.State != ConnectionState.Open)
        {
            // A broken connection has ended its session, and the session's lock with it.
            return;
        }

        try
        {
            // Closing the unpooled connection would release the lock as well; unlocking first keeps the other
            // hosts' wait short. Not cancellable: a cancelled unlock would only make them wait longer.
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key)", AdvisoryLockKey, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            // Must not hide the exception that brought us here; the lock goes when the connection closes.
            LogUnlockFailed(_logger, ex);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        LogApplying(_logger, migration.Version, migration.Name);
        var started = Stopwatch.GetTimestamp();

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, migration.Sql, null, cancellationToken).ConfigureAwait(false);

        await using (var record = new NpgsqlCommand(
            $"INSERT INTO {HistoryTable} (version, name, applied_at) VALUES (@version, @name, now())",
            connection,
            transaction))
        {
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogApplied(_logger, migration.Version, migration.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand($"SELECT version, name FROM {HistoryTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private void WarnAboutHistoryMismatches(IReadOnlyList<Migration> migrations, Dictionary<int, string> applied)
    {
        var known = migrations.ToDictionary(m => m.Version, m => m.Name);
        foreach (var (version, name) in applied.OrderBy(a => a.Key))
        {
            if (!known.TryGetValue(version, out var embeddedName))
            {
                // Normal during a rolling upgrade: a newer host already migrated; this older one carries on.
                LogUnknownApplied(_logger, version, name);
            }
            else if (!string.Equals(embeddedName, name, StringComparison.Ordinal))
            {
                // A shipped migration was renamed or replaced; it is not run again, but somebody should look.
                LogNameMismatch(_logger, version, name, embeddedName);
            }
        }
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string sql,
        long? advisoryLockKey,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction)
        {
            // Waiting for another host's migration, or a migration on a large table, may take longer than the
            // 30 s default; the caller's cancellation token is the limit instead.
            CommandTimeout = 0,
        };
        if (advisoryLockKey is { } key)
        {
            command.Parameters.AddWithValue("key", key);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<Migration> LoadEmbeddedMigrations()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationResourcePattern().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            var version = int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var name = match.Groups["name"].Value;
            migrations.Add(new Migration(version, name, ReadResource(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"Two embedded migrations share version {migrations[i].Version}: {migrations[i - 1].Name} and {migrations[i].Name}.");
            }
        }

        if (migrations.Count == 0)
        {
            // The EmbeddedResource item in Hosting.csproj is missing or the files moved: fail rather than run a
            // silo against an empty schema.
            throw new InvalidOperationException("No embedded database migrations found in " + assembly.GetName().Name + ".");
        }

        return migrations;
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("Embedded migration " + resource + " cannot be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Waiting for the schema migration lock on database {Database}")]
    private static partial void LogWaitingForLock(ILogger logger, string database);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Migration {Number} of {Pending} pending")]
    private static partial void LogProgress(ILogger logger, int number, int pending);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Applying migration {Version:D4} {Name}")]
    private static partial void LogApplying(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Applied migration {Version:D4} {Name} in {ElapsedMs:F0} ms")]
    private static partial void LogApplied(ILogger logger, int version, string name, double elapsedMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Database schema is current at version {Version:D4}; {AppliedCount} migration(s) applied by this run")]
    private static partial void LogSchemaCurrent(ILogger logger, int version, int appliedCount);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Database records migration {Version:D4} {Name}, which this build does not contain (a newer build migrated it)")]
    private static partial void LogUnknownApplied(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Database records migration {Version:D4} as {RecordedName} but this build names it {EmbeddedName}; shipped migrations must not change")]
    private static partial void LogNameMismatch(ILogger logger, int version, string recordedName, string embeddedName);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Releasing the schema migration lock failed; it is released when the connection closes")]
    private static partial void LogUnlockFailed(ILogger logger, Exception exception);

    private sealed record Migration(int Version, string Name, string Sql);
}
