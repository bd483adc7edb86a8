using Lianxin.Silo.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Lianxin.Bench.Emergencies;

/// <summary>A fresh database with the project's schema for one run, dropped afterwards.</summary>
internal sealed record BenchDatabase(string Name, string ConnectionString)
{
    public static async Task<BenchDatabase> CreateAsync(string server)
    {
        var name = $"lianxin_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await new DatabaseMigrator(connectionString, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new BenchDatabase(name, connectionString);
    }

    public static Task DropAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        return ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
