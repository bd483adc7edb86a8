using Lianxin.Live;

namespace Lianxin.Shifts;

/// <summary>
/// The live alert to a center's staff (item <c>shiftShort:{occurrenceId}</c> of the <c>center:</c> scope and the
/// <c>region:</c> scopes above it) that an occurrence is short of its minimum a day ahead: how many took a place, how
/// many are needed and how many available people were invited. Published once, when the rota finds it short; removed
/// when it has its minimum, ends or no longer runs.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftShortAlert")]
public sealed record ShiftShortAlert(
    [property: Id(0)] string CenterId,
    [property: Id(1)] string OccurrenceId,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] DateTimeOffset EndsAt,
    [property: Id(5)] int Taken,
    [property: Id(6)] int MinPeople,
    [property: Id(7)] int Invited,
    [property: Id(8)] DateTimeOffset AsOf) : ILiveItem
{
    /// <summary>The item key of an occurrence's alert.</summary>
    public static string Key(string occurrenceId) => $"shiftShort:{occurrenceId}";
}
