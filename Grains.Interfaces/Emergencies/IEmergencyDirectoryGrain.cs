namespace Lianxin.Emergencies;

/// <summary>
/// Every emergency ever launched, live or closed; keyed 0. A silo that starts wakes the live ones from here, so
/// their schedules resume without waiting for a reminder tick.
/// </summary>
[Alias("Lianxin.IEmergencyDirectoryGrain")]
public interface IEmergencyDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces an emergency's line.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(EmergencyEntry entry);

    /// <summary>Every emergency's line, newest first.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<EmergencyEntry>> ListAsync();

    /// <summary>The emergencies a person's page shows: the running ones and those closed within the last day.</summary>
    [Alias("ListCurrent"), ReadOnly]
    Task<IReadOnlyList<EmergencyEntry>> ListCurrentAsync();
}
