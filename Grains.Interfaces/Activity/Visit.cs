using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Activity;

/// <summary>One stay of a person at a center: from a check-in to a check-out (none yet while inside).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.Visit")]
public sealed record Visit(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string PersonId,
    [property: Id(2)] PersonRole Role,
    [property: Id(3)] BasicFunction Purpose,
    [property: Id(4)] string KioskId,
    [property: Id(5)] DateTimeOffset CheckedInAt,
    [property: Id(6)] DateTimeOffset? CheckedOutAt = null,
    [property: Id(7)] CheckOutKind? CheckOutKind = null,
    [property: Id(8)] Guid? CheckOutEventId = null,
    [property: Id(9)] string? Correction = null)
{
    /// <summary>True while the person has not checked out.</summary>
    public bool IsOpen => CheckedOutAt is null;
}
