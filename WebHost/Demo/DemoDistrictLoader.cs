using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.Kiosks;
using Lianxin.Volunteers;
using Lianxin.WebHost.Apis;
using Lianxin.WebHost.Apis.Registry;

namespace Lianxin.WebHost.Demo;

/// <summary>
/// Loads the demo district into the actors at start (<c>Demo:Enabled</c>, off unless asked for). Idempotent: what
/// exists already is left as it is, so a restart on PostgreSQL creates no duplicates.
/// </summary>
internal sealed partial class DemoDistrictLoader(IGrainFactory grains, IConfiguration configuration, ILogger<DemoDistrictLoader> logger)
    : BackgroundService
{
    private const int Parallelism = 32;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource<LoadCounts> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the district is in the actors; tests, the simulator and the readiness probe wait on it.</summary>
    public Task<LoadCounts> Loaded => _loaded.Task;

    /// <summary>Records loaded so far and in all (0 of 0 until the file is read).</summary>
    public (int Done, int Total) Progress => (_counts?.Done ?? 0, _total);

    private LoadCounts? _counts;
    private int _total;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var progress = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var reporting = ReportProgressAsync(progress.Token);
        try
        {
            var path = configuration["Demo:DataFile"] ?? DemoDistrict.DefaultPath;
            var district = await DemoDistrict.ReadAsync(path, stoppingToken);
            var counts = _counts = new LoadCounts();
            _total = district.Centers.Count + district.Grids.Count + district.Kiosks.Count + district.Volunteers.Count;

            // Parents come before children in the file; centers load one by one so a child's parent exists.
            foreach (var center in district.Centers)
            {
                counts.Count(await WriteAsync(center.Id, v => center.ToProfile(v), (id, p) => grains.GetGrain<ICenterGrain>(id).CreateAsync(p)));
            }

            await LoadAllAsync(district.Grids, counts, g => WriteAsync(g.Id, v => g.ToProfile(v), (id, p) => grains.GetGrain<IGridGrain>(id).CreateAsync(p)), stoppingToken);
            await LoadAllAsync(district.Kiosks, counts, k => WriteAsync(k.Id, v => k.ToProfile(v), (id, p) => Apis.Lists.KioskListing.CreateAsync(grains, id, p)), stoppingToken);
            await LoadAllAsync(AcrossGrids(district.Volunteers), counts, p => WriteAsync(p.Id, v => p.ToProfile(v), (id, pr) => grains.GetGrain<IVolunteerGrain>(id).CreateAsync(pr)), stoppingToken);

            await progress.CancelAsync();
            LogLoaded(district.Name, counts.Created, counts.Existing, counts.Refused);
            _loaded.TrySetResult(counts);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
            _loaded.TrySetException(e);
        }
        finally
        {
            await progress.CancelAsync();
            await reporting;
        }
    }

    /// <summary>A load of thousands of records takes a while: every few seconds the log says how far it is.</summary>
    private async Task ReportProgressAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var (done, total) = Progress;
                LogProgress(done, total, total == 0 ? 0 : 100 * done / total);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The file lists people grid by grid, and every creation writes the person's grid: interleaved, the parallel
    /// loads write to different grids instead of queueing on one.
    /// </summary>
    private static List<VolunteerRequest> AcrossGrids(IReadOnlyList<VolunteerRequest> volunteers) =>
        [.. volunteers.Select((v, i) => (v, i)).GroupBy(x => x.v.HomeGridId).SelectMany(g => g.Select((x, rank) => (x.v, rank, x.i)))
            .OrderBy(x => x.rank).ThenBy(x => x.i).Select(x => x.v)];

    private static Task LoadAllAsync<T>(IReadOnlyList<T> items, LoadCounts counts, Func<T, Task<RegistryResult>> load, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (item, _) => counts.Count(await load(item)));

    private async Task<RegistryResult> WriteAsync<TProfile>(string? id, Func<Validation, TProfile> toProfile, Func<string, TProfile, Task<RegistryResult>> create)
    {
        var v = new Validation();
        var key = v.Id("id", id);
        var profile = toProfile(v);
        if (!v.IsValid)
        {
            LogRefused(id, string.Join("; ", v.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            return RegistryResult.NotFound("invalid");
        }

        return await create(key, profile);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo district {District} loaded: {Created} created, {Existing} already there, {Refused} refused")]
    private partial void LogLoaded(string district, int created, int existing, int refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading the demo district: {Done} of {Total} records ({Percent} %)")]
    private partial void LogProgress(int done, int total, int percent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo record {Id} refused: {Errors}")]
    private partial void LogRefused(string? id, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo district failed")]
    private partial void LogFailed(Exception exception);
}

/// <summary>What a load did: created records, records that were there already, and records refused.</summary>
public sealed class LoadCounts
{
    private int _created;
    private int _existing;
    private int _refused;

    public int Created => _created;

    public int Existing => _existing;

    public int Refused => _refused;

    public int Done => Volatile.Read(ref _created) + Volatile.Read(ref _existing) + Volatile.Read(ref _refused);

    internal void Count(RegistryResult result)
    {
        switch (result.Outcome)
        {
            case RegistryOutcome.Created:
                Interlocked.Increment(ref _created);
                break;
            case RegistryOutcome.Conflict:
                Interlocked.Increment(ref _existing);
                break;
            default:
                Interlocked.Increment(ref _refused);
                break;
        }
    }
}
