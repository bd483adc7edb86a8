using Lianxin.Hosting.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Lianxin.TestSupport;

/// <summary>
/// A fresh PostgreSQL database with the project's schema, on the server that <c>./test.sh</c> starts
/// (its address comes in <c>LIANXIN_TEST_POSTGRES</c>). Each fixture gets its own database, so test classes
/// never see each other's rows.
/// </summary>
public static class TestDatabase
{
    public const string ServerVariable = "LIANXIN_TEST_POSTGRES";

    public static async Task<string> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ServerVariable} is not set. Run the tests through ./test.sh, which starts PostgreSQL, or set it to a server's connection string. "
                + "A test class that needs it carries [Trait(\"Needs\", \"PostgreSQL\")], so ./test.sh --fast leaves it out.");
        }

        var name = $"lianxin_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await new DatabaseMigrator(connectionString, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return connectionString;
    }
}
