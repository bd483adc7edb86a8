namespace Lianxin.Shifts;

/// <summary>One person's weekly availability for shifts (keyed by person id), read when a shift short of people invites.</summary>
[Alias("Lianxin.IShiftAvailabilityGrain")]
public interface IShiftAvailabilityGrain : IGrainWithStringKey
{
    /// <summary>Replaces the person's availability.</summary>
    [Alias("Set")]
    Task SetAsync(ShiftAvailability availability);

    /// <summary>The person's availability (none when never set).</summary>
    [Alias("Get"), ReadOnly]
    Task<ShiftAvailability> GetAsync();
}
