using Lianxin.Silo.Database;
using Lianxin.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lianxin.Silo;

/// <summary>
/// The standalone silo host. <c>Lianxin.Silo migrate</c> applies the database schema and exits, for operators
/// and the Kubernetes schema Job; with no argument it runs a silo until stopped.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddLianxinLogging();
        if (args is ["migrate", ..])
        {
            var connectionString = builder.Configuration.GetConnectionString(SiloConfiguration.ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                await Console.Error.WriteLineAsync("migrate needs ConnectionStrings__Lianxin.");
                return 2;
            }

            using var host = builder.Build();
            var migrator = new DatabaseMigrator(connectionString, host.Services.GetRequiredService<ILogger<DatabaseMigrator>>());
            await migrator.MigrateAsync(CancellationToken.None);
            return 0;
        }

        builder.AddLianxinSilo();
        await builder.Build().RunAsync();
        return 0;
    }
}
