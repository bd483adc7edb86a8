using Lianxin.Kiosks;
using Microsoft.Extensions.Logging;

namespace Lianxin.Activity;

/// <summary>Events a kiosk sent that this actor lost with a dead silo, read again from the kiosk's journal.</summary>
internal sealed partial class CenterActivityGrain
{
    private const int RecoverPage = 1000;

    /// <summary>
    /// The kiosk sent this center events through <paramref name="sentThrough"/> that it no longer holds: the silo it
    /// lived on died before they were written. The kiosk's journal has them; they are applied again before anything newer.
    /// </summary>
    private async Task<IReadOnlyList<EventOutcome>> RecoverAsync(string kioskId, long sentThrough)
    {
        var after = State.AppliedPositions.GetValueOrDefault(kioskId);
        var missed = new List<JournaledKioskEvent>();
        while (after < sentThrough)
        {
            var records = await journal.ReadAsync(KioskEventCodec.Stream(kioskId), after, RecoverPage);
            foreach (var record in records.TakeWhile(r => r.Position <= sentThrough))
            {
                var journaled = KioskEventCodec.Decode(kioskId, record);
                if (journaled.CenterId == Id && journaled.Event.Body is CheckIn or CheckOut or SelfService or AfterHoursEntry)
                {
                    missed.Add(journaled);
                }
            }

            after = records.Count < RecoverPage || records[^1].Position >= sentThrough ? sentThrough : records[^1].Position;
        }

        LogRecovered(Id, kioskId, missed.Count);
        var outcomes = Apply(kioskId, missed, await MobileMemberRefusalsAsync(missed));
        Marks.AppliedThroughAtLeast(kioskId, sentThrough);
        return outcomes;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center activity {CenterId} had lost {Count} events of kiosk {KioskId} that were not written yet; applied them again from the journal")]
    private partial void LogRecovered(string centerId, string kioskId, int count);
}
