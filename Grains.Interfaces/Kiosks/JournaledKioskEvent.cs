namespace Lianxin.Kiosks;

/// <summary>
/// A kiosk event as read back from the journal: its position in the journal (increasing per kiosk, so actors that
/// apply it can remember "applied through position N" per kiosk) and the center the kiosk belonged to when it was sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.JournaledKioskEvent")]
public sealed record JournaledKioskEvent(
    [property: Id(0)] long Position,
    [property: Id(1)] string KioskId,
    [property: Id(2)] string CenterId,
    [property: Id(3)] KioskEvent Event);
