using Lianxin.Common;

namespace Lianxin.Shifts;

/// <summary>A person's weekly availability, durable on its own so a rota reads it without waking the person's actor.</summary>
internal sealed class ShiftAvailabilityGrain(
    [PersistentState(StorageNames.ShiftAvailabilityState, StorageNames.Default)] IPersistentState<ShiftAvailabilityState> state) : Grain, IShiftAvailabilityGrain
{
    public async Task SetAsync(ShiftAvailability availability)
    {
        state.State.Availability = availability;
        await state.WriteStateAsync();
    }

    public Task<ShiftAvailability> GetAsync() => Task.FromResult(state.State.Availability ?? ShiftAvailability.None);
}

/// <summary>The persisted availability of a person. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.ShiftAvailabilityState")]
public sealed class ShiftAvailabilityState
{
    [Id(0)] public ShiftAvailability? Availability { get; set; }
}
