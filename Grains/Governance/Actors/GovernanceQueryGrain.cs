using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.Kiosks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lianxin.Governance;

/// <summary>
/// Governance reads across many actors. It holds nothing, so it runs on whichever silo is asked and interleaves its
/// calls: a region's rating asks it for every center's evidence at once.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class GovernanceQueryGrain(IOptions<KioskOptions> kioskOptions, [FromKeyedServices(CentersClock.Key)] TimeProvider clock) : Grain, IGovernanceQueryGrain
{
    private readonly LocalCalendar _calendar = new(kioskOptions.Value.Zone);

    public Task<IReadOnlyList<CenterSnapshot>> ReadSubtreeAsync(string rootId) => CenterTreeReader.ReadSubtreeAsync(GrainFactory, rootId);

    public Task<ServiceCircleInput> ReadServiceCircleAsync(string regionId, IReadOnlyList<string> pathToRoot) =>
        ServiceCircleInputs.ReadAsync(GrainFactory, regionId, pathToRoot);

    /// <summary>
    /// Drills are the emergencies of the center launched in <see cref="EmergencyMode.Exercise"/> mode in the year:
    /// people reached, and time until 90 % had answered themselves.
    /// </summary>
    public async Task<RatingEvidence> CollectEvidenceAsync(CenterSnapshot center, int year)
    {
        var key = GovernanceKeys.Rating(center.Id, year);
        var activity = GrainFactory.GetGrain<ICenterEvidenceGrain>(key).GetAsync();
        var tickets = GrainFactory.GetGrain<ICenterHelpRequestsGrain>(key).ListAsync();
        var drills = DrillsAsync(center.Id, year);
        var evidence = await activity;
        return new RatingEvidence(
            center.Id,
            year,
            center.Profile.Level,
            ComplianceRules.Evaluate(center),
            evidence.CheckInsByFunction,
            evidence.ApprovedVolunteerHours,
            evidence.KioskUptimePercent,
            ClosedLoopStatistics.Tally(await tickets, clock.GetUtcNow()),
            await drills);
    }

    private async Task<IReadOnlyList<DrillEvidence>> DrillsAsync(string centerId, int year)
    {
        var entries = (await GrainFactory.GetGrain<IEmergencyDirectoryGrain>(0).ListAsync())
            .Where(e => e.Mode == EmergencyMode.Exercise && e.HomeCenterId == centerId && _calendar.Day(e.LaunchedAt).Year == year)
            .ToList();
        var reports = await Task.WhenAll(entries.Select(e => GrainFactory.GetGrain<IEmergencyGrain>(e.Id).GetReportAsync()));
        return [.. entries
            .Select((e, i) => new DrillEvidence(
                e.Id, e.LaunchedAt, reports[i]?.SelfAnsweredTimes?.SecondsTo90Percent is { } s ? TimeSpan.FromSeconds(s) : null, reports[i]?.Counts.Total ?? 0))
            .OrderBy(d => d.StartedAt)];
    }
}
