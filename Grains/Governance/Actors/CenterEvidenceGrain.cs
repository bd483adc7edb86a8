using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Governance;

/// <summary>
/// A center's activity evidence of one year, reported by the activity, ledger and kiosk-health actors. A report
/// that changes nothing writes nothing, so actors may repeat themselves freely.
/// </summary>
internal sealed class CenterEvidenceGrain(
    [PersistentState(StorageNames.CenterEvidenceState, StorageNames.Default)] IPersistentState<CenterEvidenceState> state) : Grain, ICenterEvidenceGrain
{
    private CenterEvidenceState State => state.State;

    public async Task RecordCheckInsAsync(DateOnly day, IReadOnlyDictionary<BasicFunction, int> checkIns)
    {
        var held = State.CheckIns.GetValueOrDefault(day);
        if (held is not null && held.Count == checkIns.Count && checkIns.All(kv => held.GetValueOrDefault(kv.Key) == kv.Value))
        {
            return;
        }

        State.CheckIns[day] = new Dictionary<BasicFunction, int>(checkIns);
        await state.WriteStateAsync();
    }

    public async Task RecordApprovedHoursAsync(Guid hoursId, double hours)
    {
        if (!double.IsFinite(hours) || hours < 0 || !State.HoursCounted.Add(hoursId))
        {
            return;
        }

        State.ApprovedHours += hours;
        await state.WriteStateAsync();
    }

    public async Task RecordApprovedServiceAsync(ApprovedService service)
    {
        if (!double.IsFinite(service.Hours) || service.Hours < 0 || State.Service.ContainsKey(service.HoursId))
        {
            return;
        }

        State.Service[service.HoursId] = service;
        if (State.HoursCounted.Add(service.HoursId))
        {
            State.ApprovedHours += service.Hours;
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ApprovedService>> GetServiceAsync(DateOnly from, DateOnly to) =>
        Task.FromResult<IReadOnlyList<ApprovedService>>([.. State.Service.Values.Where(s => s.Day >= from && s.Day <= to).OrderBy(s => s.Day)]);

    public async Task RecordKioskUptimeAsync(string kioskId, DailyUptime uptime)
    {
        if (!State.KioskUptime.TryGetValue(kioskId, out var days))
        {
            State.KioskUptime[kioskId] = days = [];
        }

        if (days.TryGetValue(uptime.Day, out var held) && held == uptime)
        {
            return;
        }

        days[uptime.Day] = uptime;
        await state.WriteStateAsync();
    }

    public Task<CenterYearEvidence> GetAsync()
    {
        Dictionary<BasicFunction, int>? checkIns = null;
        if (State.CheckIns.Count > 0)
        {
            checkIns = State.CheckIns.Values.SelectMany(d => d).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        }

        // Each kiosk's uptime is its up time over its watched time in the year; the center's is the kiosks' average.
        var perKiosk = State.KioskUptime.Values
            .Select(days => (Up: days.Values.Sum(d => d.UpSeconds), Watched: days.Values.Sum(d => d.WatchedSeconds)))
            .Where(k => k.Watched > 0)
            .Select(k => 100 * k.Up / k.Watched)
            .ToList();
        return Task.FromResult(new CenterYearEvidence(
            checkIns,
            State.HoursCounted.Count == 0 ? null : Math.Round(State.ApprovedHours, 2),
            perKiosk.Count == 0 ? null : Math.Round(perKiosk.Average(), 2),
            State.CheckIns.Count,
            State.KioskUptime.Values.Sum(d => d.Values.Count(u => u.WatchedSeconds > 0))));
    }
}
