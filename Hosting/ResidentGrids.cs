using System.Diagnostics;
using Lianxin.Grids;
using Lianxin.Listings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lianxin.Hosting;

/// <summary>
/// Every grid is read into memory once a silo has started, and its actor stays there (the grid actor is kept alive): a
/// one-key launch reads the roster of every grid it targets, and a grid read from PostgreSQL at that moment costs the
/// launch about half a millisecond of a core (1,250 grids for 50,000 people, 5,000 for a district of 200,000). Grids
/// are few and small (a roster with its contact cards), and a launch comes when nobody has touched them for hours.
/// The wake-up runs in the background once the host has started: the silo answers meanwhile, and a grid not read yet is
/// read on first use.
/// </summary>
public static partial class ResidentGrids
{
    private const int PageSize = 500;

    /// <summary>Grid reads at once: enough to keep PostgreSQL busy, few enough to leave the silo's cores to its callers.</summary>
    private const int InFlight = 16;

    public static ISiloBuilder AddResidentGrids(this ISiloBuilder silo) => silo.AddStartupTask((services, _) =>
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ResidentGrids));
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        // Once the host has started: read during the start, the grids took the cores the start needed (a co-hosted
        // web host was ready 1.8 s later on 2 cores).
        lifetime.ApplicationStarted.Register(() => Task.Run(() => WakeAllAsync(grains, logger, lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    });

    private static async Task WakeAllAsync(IGrainFactory grains, ILogger logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var count = 0;
        try
        {
            ListingPosition? after = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                var page = await grains.GetGrain<IListingGrain>(0).QueryAsync(
                    new ListingQuery(ListingKind.Grid, null, null, null, [], ListingSort.Id, false, after, PageSize));
                await Parallel.ForEachAsync(
                    page.Entries, new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken },
                    async (entry, _) => await grains.GetGrain<IGridGrain>(entry.Id).GetAsync());
                count += page.Entries.Count;
                if (!page.HasMore || page.Entries.Count == 0)
                {
                    break;
                }

                after = new ListingPosition(page.Entries[^1].SortKey, page.Entries[^1].Id);
            }

            LogResident(logger, count, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not fatal: a grid not read now is read when it is first used.
            LogFailed(logger, e, count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grids resident: {Count} read in {Seconds:F1} s")]
    private static partial void LogResident(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the grids into memory stopped after {Count}; the rest are read on first use")]
    private static partial void LogFailed(ILogger logger, Exception exception, int count);
}
