using Lianxin.Hosting.Database;
using Microsoft.Extensions.Hosting;

namespace Lianxin.Hosting;

/// <summary>Applies the database schema at start, before the silo that needs it.</summary>
internal sealed class DatabaseMigrationService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
