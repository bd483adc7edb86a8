using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.WebHost.Apis;
using Lianxin.WebHost.Apis.Governance;
using Lianxin.WebHost.Demo;
using ResidentialPoint = Lianxin.Governance.ResidentialPoint;

namespace Lianxin.WebHost.Governance;

/// <summary>
/// Loads the demo district's residential points into the centers' registries once the district itself is loaded
/// (<c>Demo:Enabled</c>). Idempotent: a center whose registry already holds points is left as it is.
/// </summary>
internal sealed partial class ResidentialPointsDemoLoader(
    IGrainFactory grains, IConfiguration configuration, DemoDistrictLoader district, ILogger<ResidentialPointsDemoLoader> logger) : BackgroundService
{
    private readonly TaskCompletionSource<int> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the number of points in the registries when loading is done.</summary>
    public Task<int> Loaded => _loaded.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await district.Loaded.WaitAsync(stoppingToken);
            var file = await DemoDistrict.ReadAsync(configuration["Demo:DataFile"] ?? DemoDistrict.DefaultPath, stoppingToken);
            var points = new List<ResidentialPoint>();
            foreach (var p in file.ResidentialPoints)
            {
                var v = new Validation();
                var point = ResidentialPointInput.ToPoint(v, "point", p.Id, p.GridId, p.Location, p.Households);
                if (v.IsValid)
                {
                    points.Add(point);
                }
                else
                {
                    LogRefused(p.Id);
                }
            }

            var gridCenters = file.Grids.Where(g => g.Id is not null && g.CenterId is not null).ToDictionary(g => g.Id!, g => g.CenterId!, StringComparer.Ordinal);
            var areas = file.Centers
                .Where(c => c.Id is not null && c.Location is not null && EnumNames.TryParse<CenterLevel>(c.Level, out var level) && level is CenterLevel.Street or CenterLevel.Town)
                .Select(c => (c.Id!, c.Location!))
                .ToList();
            var loaded = 0;
            foreach (var (centerId, own) in ResidentialAssignment.ByCenter(points, gridCenters, areas))
            {
                var registry = grains.GetGrain<IResidentialPointsGrain>(centerId);
                var existing = await registry.GetAsync();
                if (existing.Count > 0)
                {
                    loaded += existing.Count;
                    continue;
                }

                var result = await registry.ReplaceAsync(own);
                loaded += result.Succeeded ? own.Count : 0;
            }

            LogLoaded(loaded);
            _loaded.TrySetResult(loaded);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
            _loaded.TrySetException(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo residential points in the registries: {Count}")]
    private partial void LogLoaded(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo residential point {Id} refused")]
    private partial void LogRefused(string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo residential points failed")]
    private partial void LogFailed(Exception exception);
}
