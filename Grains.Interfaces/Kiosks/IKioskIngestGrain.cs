namespace Lianxin.Kiosks;

/// <summary>
/// Receives one kiosk's event batches (keyed by kiosk id). A batch is stored in the event journal first (one
/// durable round trip; events stored before are duplicates), then the new events are applied to the actors they
/// concern in journal order. What was journaled but not yet applied when a host stopped is applied on the next
/// activation, so nothing acknowledged is lost.
/// </summary>
[Alias("Lianxin.IKioskIngestGrain")]
public interface IKioskIngestGrain : IGrainWithStringKey
{
    /// <summary>Journals and applies a batch sent while the kiosk belongs to <paramref name="centerId"/>; one outcome per event, in order.</summary>
    [Alias("Ingest")]
    Task<IReadOnlyList<EventOutcome>> IngestAsync(string centerId, IReadOnlyList<KioskEvent> events);

    /// <summary>Counts of what the kiosk has sent; also applies anything journaled but not yet applied.</summary>
    [Alias("GetStats")]
    Task<KioskIngestStats> GetStatsAsync();
}
