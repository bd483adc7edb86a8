using Lianxin.Common;
using Lianxin.Hosting;
using Lianxin.Listings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Lianxin.Grains.Tests.Listings;

/// <summary>
/// Every help request, order and registry change writes its listing line through the listing actor, and the store
/// makes the lines that wait together durable in one commit. Under full kiosk ingest that only holds if the actor
/// hands the store every waiting line at once: a silo that passed on one line per core at a time made each line wait a
/// commit of its own, and the lines fell behind until their calls expired.
/// </summary>
public sealed class ListingGrainTests
{
    /// <summary>More than a stateless worker's activations per silo (one per core), so one at a time per activation cannot pass.</summary>
    private static readonly int Writers = 4 * Environment.ProcessorCount;

    [Fact]
    public async Task LinesWrittenTogetherReachTheStoreTogether()
    {
        var store = new GatheringStore(Writers);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddLianxinGrainServices(new ConfigurationBuilder().Build());
            silo.Services.AddSingleton<IListingStore>(store);
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var listing = cluster.Client.GetGrain<IListingGrain>(0);

        var writes = Enumerable.Range(0, Writers)
            .Select(i => listing.UpsertAsync(new ListingEntry(ListingKind.HelpRequest, $"hr-{i}", "c-1", null, null, $"{i:D4}", [], null, "{}")))
            .ToList();

        // The store answers no write until all of them wait on it, as a group commit answers a group.
        try
        {
            await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            // Lets a failing run's held calls finish, so the silo can stop.
            store.Release();
        }

        Assert.Equal(Writers, store.Lines);
    }

    /// <summary>A store whose writes complete together once the expected number of them wait.</summary>
    private sealed class GatheringStore(int expected) : IListingStore
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _lines;

        public int Lines => Volatile.Read(ref _lines);

        public void Release() => _all.TrySetResult();

        public Task UpsertAsync(ListingEntry entry, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _lines) == expected)
            {
                _all.TrySetResult();
            }

            return _all.Task;
        }

        public Task RemoveAsync(ListingKind kind, string id, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<ListingPage> QueryAsync(ListingQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ListingEntry>> NearAsync(ListingKind kind, GeoPoint from, double meters, int limit, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
