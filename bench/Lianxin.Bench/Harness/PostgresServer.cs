using System.Diagnostics;
using System.Globalization;
using Lianxin.Hosting.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Lianxin.Bench.Harness;

/// <summary>
/// The PostgreSQL server the run creates its throwaway databases on: one given by connection string, or a fresh one
/// this harness starts (as ./test.sh does) with fsync on and the defaults otherwise, and removes afterwards.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _server;
    private readonly string? _dataDirectory;
    private readonly string? _binaries;

    private PostgresServer(string server, string? dataDirectory, string? binaries)
    {
        _server = server;
        _dataDirectory = dataDirectory;
        _binaries = binaries;
    }

    /// <summary>True when this harness started the server itself.</summary>
    public bool IsOwn => _dataDirectory is not null;

    public static PostgresServer Use(string connectionString) => new(connectionString, null, null);

    public static async Task<PostgresServer> StartAsync()
    {
        var binaries = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderBy(d => int.Parse(Path.GetFileName(Path.GetDirectoryName(d))!, CultureInfo.InvariantCulture))
            .LastOrDefault() ?? throw new InvalidOperationException("PostgreSQL is not installed (/usr/lib/postgresql/*/bin); run ./test.sh once or apt-get install postgresql.");
        var data = Directory.CreateTempSubdirectory("lianxin-bench-pg.").FullName;
        await RunAsync("chmod", ["700", data]);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres", data]);
        }

        await RunPostgresAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var port = Random.Shared.Next(20_000, 40_000);
            var options = $"-p {port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all";
            if (await RunPostgresAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(data, "log"), "-w", "-o", options, "start"], mayFail: true))
            {
                return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres", data, binaries);
            }
        }

        throw new InvalidOperationException($"PostgreSQL did not start; see {Path.Combine(data, "log")}.");
    }

    /// <summary>A new, empty database with the product's schema applied by its own migrator.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"lianxin_bench_{purpose}_{Guid.NewGuid():N}"[..40];
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString;
        await new DatabaseMigrator(connectionString, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return connectionString;
    }

    /// <summary>
    /// A copy of a database as it is now (PostgreSQL copies it file by file, in seconds): runs compared with each other
    /// each start from the same data, not from what the run before them added. Nothing may be connected to the source.
    /// </summary>
    public async Task<string> CopyDatabaseAsync(string sourceConnectionString, string purpose)
    {
        NpgsqlConnection.ClearAllPools();
        var source = new NpgsqlConnectionStringBuilder(sourceConnectionString).Database;
        var name = $"lianxin_bench_{purpose}_{Guid.NewGuid():N}"[..40];
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString;
    }

    /// <summary>The settings that decide durable write rates, as the server reports them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SettingsAsync()
    {
        var names = new[] { "server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "shared_buffers", "max_connections", "commit_delay" };
        var settings = new Dictionary<string, string>();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        foreach (var name in names)
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", connection);
            settings[name] = (string)(await show.ExecuteScalarAsync())!;
        }

        return settings;
    }

    /// <summary>
    /// CPU time used so far by the server's live processes (the postmaster and its children, from /proc), or null for a
    /// server the harness did not start. Differences over a run show the database's share of the work.
    /// </summary>
    public TimeSpan? CpuTime() => _dataDirectory is null ? null : CpuTimeOf(_dataDirectory);

    /// <summary>The same for a server running on <paramref name="dataDirectory"/>: null when none runs there.</summary>
    public static TimeSpan? CpuTimeOf(string dataDirectory)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            return null;
        }

        var postmaster = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First().Trim();
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])))
        {
            try
            {
                // Fields after the command's closing parenthesis: state, ppid, ..., utime (14th), stime (15th).
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (Path.GetFileName(dir) == postmaster || fields[1] == postmaster)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        // Linux reports these in clock ticks of 1/100 s (USER_HZ).
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>Drops a database <see cref="CreateDatabaseAsync"/> made, for runs on a server that outlives them.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory is null)
        {
            return;
        }

        await RunPostgresAsync(Path.Combine(_binaries!, "pg_ctl"), ["-D", _dataDirectory, "-m", "fast", "stop"], mayFail: true);
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>PostgreSQL refuses to run as root: as root its tools run as the postgres user.</summary>
    private static Task<bool> RunPostgresAsync(string tool, IReadOnlyList<string> args, bool mayFail = false) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", tool, .. args], mayFail) : RunAsync(tool, args, mayFail);

    private static async Task<bool> RunAsync(string file, IReadOnlyList<string> args, bool mayFail = false)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !mayFail)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
        }

        return process.ExitCode == 0;
    }
}
