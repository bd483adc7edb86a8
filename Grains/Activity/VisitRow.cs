using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Activity;

/// <summary>
/// One visit as a <see cref="VisitTable"/> holds it: a <see cref="Visit"/>'s fields in a struct, and the row of the
/// person's next visit here (<see cref="VisitTable.End"/> when none).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.VisitRow")]
public readonly record struct VisitRow(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string PersonId,
    [property: Id(2)] PersonRole Role,
    [property: Id(3)] BasicFunction Purpose,
    [property: Id(4)] string KioskId,
    [property: Id(5)] DateTimeOffset CheckedInAt,
    [property: Id(6)] DateTimeOffset? CheckedOutAt = null,
    [property: Id(7)] CheckOutKind? CheckOutKind = null,
    [property: Id(8)] Guid? CheckOutEventId = null,
    [property: Id(9)] string? Correction = null,
    [property: Id(10)] int Next = VisitTable.End)
{
    public bool IsOpen => CheckedOutAt is null;

    /// <summary>The visit as the API answers it.</summary>
    public Visit ToVisit() => new(Id, PersonId, Role, Purpose, KioskId, CheckedInAt, CheckedOutAt, CheckOutKind, CheckOutEventId, Correction);

    public static VisitRow From(Visit visit) => new(
        visit.Id, visit.PersonId, visit.Role, visit.Purpose, visit.KioskId, visit.CheckedInAt, visit.CheckedOutAt, visit.CheckOutKind, visit.CheckOutEventId, visit.Correction);
}
