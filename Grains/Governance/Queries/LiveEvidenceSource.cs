using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.Kiosks;
using Microsoft.Extensions.Options;

namespace Lianxin.Governance;

/// <summary>
/// The star-rating evidence of a center's year from the live actors: compliance from the registry; check-ins by
/// function, approved volunteer hours and kiosk uptime from the year's evidence actor (which the activity, ledger and
/// kiosk-health actors report to); help requests from the year's closed-loop book; drills from the emergencies of
/// the center launched in <see cref="EmergencyMode.Exercise"/> mode in the year (people reached, and time until 90 %
/// had answered themselves).
/// </summary>
public sealed class LiveEvidenceSource(IGrainFactory grains, IOptions<KioskOptions> kioskOptions, TimeProvider clock) : IRatingEvidenceSource
{
    private readonly LocalCalendar _calendar = new(kioskOptions.Value.Zone);

    public async Task<RatingEvidence> CollectAsync(CenterSnapshot center, int year)
    {
        var key = GovernanceKeys.Rating(center.Id, year);
        var activity = grains.GetGrain<ICenterEvidenceGrain>(key).GetAsync();
        var tickets = grains.GetGrain<ICenterHelpRequestsGrain>(key).ListAsync();
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
        var entries = (await grains.GetGrain<IEmergencyDirectoryGrain>(0).ListAsync())
            .Where(e => e.Mode == EmergencyMode.Exercise && e.HomeCenterId == centerId && _calendar.Day(e.LaunchedAt).Year == year)
            .ToList();
        var reports = await Task.WhenAll(entries.Select(e => grains.GetGrain<IEmergencyGrain>(e.Id).GetReportAsync()));
        return [.. entries
            .Select((e, i) => new DrillEvidence(
                e.Id, e.LaunchedAt, reports[i]?.SelfAnsweredTimes?.SecondsTo90Percent is { } s ? TimeSpan.FromSeconds(s) : null, reports[i]?.Counts.Total ?? 0))
            .OrderBy(d => d.StartedAt)];
    }
}
