using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Lianxin.Hosting;

/// <summary>Ready when PostgreSQL answers a query; healthy without a database on the embedded default and in client mode.</summary>
internal sealed class DatabaseHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (SiloConfiguration.ReadOptions(configuration).IsClient)
        {
            // A web host in client mode reads nothing from the database itself: the silos' readiness covers it, and a
            // database blip must not take every web host (and its live connections) out of its Service at once.
            return HealthCheckResult.Healthy("Client of the cluster: the silos check the database.");
        }

        if (configuration.GetConnectionString(SiloConfiguration.ConnectionStringName) is not { Length: > 0 } connectionString)
        {
            return HealthCheckResult.Healthy("In-memory storage: nothing to reach (and nothing durable).");
        }

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", e);
        }
    }
}
