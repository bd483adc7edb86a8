using Lianxin.Centers;
using Lianxin.Kiosks;
using Lianxin.Volunteers;
using Microsoft.Extensions.Logging;

namespace Lianxin.Activity;

/// <summary>
/// Volunteers' duty, told to each person's actor as they check in and out here. Nothing is written for it: duty
/// derives from presence, which the kiosks' journal and this actor's snapshots hold, and every receiver is
/// idempotent. A person's actor that restarts asks its center (<see cref="InsideSinceAsync"/>); this actor, when it
/// restarts, tells again everyone inside; a telling that failed is tried again at the next tick.
/// </summary>
internal sealed partial class CenterActivityGrain
{
    private const int DutyTellingBatch = 32;

    private readonly HashSet<string> _dutyToStart = [];
    private readonly HashSet<string> _dutyToEnd = [];
    private Task? _tellingDuty;

    public Task<DateTimeOffset?> InsideSinceAsync(string personId) =>
        Task.FromResult(Book.InsideSince(personId));

    public Task<IReadOnlyList<string>> GetVolunteersInsideAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. Book.VolunteersInside]);

    public Task<CenterActivityFigures> GetFiguresAsync() => Task.FromResult(CurrentFigures());

    /// <summary>On activation: whoever is inside is told again (their actor, or the center's on-duty set, may have restarted too).</summary>
    private void TellEveryoneInside()
    {
        foreach (var personId in Book.VolunteersInside)
        {
            TellDuty(personId);
        }
    }

    /// <summary>The person's presence here changed: they are told whether they are on duty here now.</summary>
    private void TellDuty(string personId)
    {
        var onDuty = Book.InsideSince(personId) is not null;
        (onDuty ? _dutyToStart : _dutyToEnd).Add(personId);
        (onDuty ? _dutyToEnd : _dutyToStart).Remove(personId);
        ResumeTellingDuty();
    }

    private void ResumeTellingDuty()
    {
        if (_tellingDuty is not { IsCompleted: false } && _dutyToStart.Count + _dutyToEnd.Count > 0)
        {
            _tellingDuty = TellDutyAsync();
        }
    }

    /// <summary>Detached from kiosk calls: tells in batches, each person's changes in the order they happened.</summary>
    private async Task TellDutyAsync()
    {
        while (_dutyToStart.Count + _dutyToEnd.Count > 0)
        {
            var batch = _dutyToStart.Select(p => (PersonId: p, OnDuty: true)).Concat(_dutyToEnd.Select(p => (PersonId: p, OnDuty: false))).Take(DutyTellingBatch).ToList();
            foreach (var (personId, onDuty) in batch)
            {
                (onDuty ? _dutyToStart : _dutyToEnd).Remove(personId);
            }

            var told = await Task.WhenAll(batch.Select(TellOneAsync));
            if (told.Contains(false))
            {
                return;
            }
        }
    }

    private async Task<bool> TellOneAsync((string PersonId, bool OnDuty) item)
    {
        var person = GrainFactory.GetGrain<IVolunteerGrain>(item.PersonId);
        try
        {
            if (item.OnDuty)
            {
                await person.StartDutyAsync(Id);
            }
            else
            {
                await person.EndDutyAsync(Id);
            }

            return true;
        }
        catch (Exception e)
        {
            LogDutyNotTold(Id, item.PersonId, e);
            if (!_dutyToStart.Contains(item.PersonId) && !_dutyToEnd.Contains(item.PersonId))
            {
                (item.OnDuty ? _dutyToStart : _dutyToEnd).Add(item.PersonId);
            }

            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center {CenterId} could not tell {PersonId} about their duty; it is tried again")]
    private partial void LogDutyNotTold(string centerId, string personId, Exception exception);
}
