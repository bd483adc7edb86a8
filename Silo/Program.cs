using Lianxin.Hosting.Database;
using Lianxin.Hosting;
using Lianxin.Hosting.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lianxin.Silo;

/// <summary>
/// The standalone silo host. <c>Lianxin.Silo migrate</c> applies the database schema and exits, for operators
/// and the Kubernetes schema Job; with no argument it runs a silo until stopped, with its health probes on
/// HTTP (<c>ASPNETCORE_HTTP_PORTS</c>).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddLianxinLogging();
        if (args is ["migrate", ..])
        {
            return await MigrateAsync(builder);
        }

        builder.AddLianxinTelemetry();
        builder.AddLianxinSilo();
        builder.Services.AddLianxinHealth();
        var app = builder.Build();
        app.UseLianxinRequestLogs();
        app.MapLianxinHealth();
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> MigrateAsync(WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(SiloConfiguration.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync("migrate needs ConnectionStrings__Lianxin.");
            return 2;
        }

        await using var app = builder.Build();
        var migrator = new DatabaseMigrator(connectionString, app.Services.GetRequiredService<ILogger<DatabaseMigrator>>());
        await migrator.MigrateAsync(CancellationToken.None);
        return 0;
    }
}
