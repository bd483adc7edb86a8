namespace Lianxin.Shifts;

/// <summary>
/// Sends a rota's texts over the SMS gateways, outside the rota's turn: stateless, so a slow gateway and its retries
/// hold up neither the rota nor each other. It reports the texts that need no more sending back to the rota
/// (<see cref="IShiftRotaGrain.TextsDoneAsync"/>); the others stay in the rota's outbox and are sent again.
/// </summary>
[Alias("Lianxin.IShiftTextGrain")]
public interface IShiftTextGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Sends each text to its person's phone (or <paramref name="staffPhone"/> for the staff alert). Fire and forget:
    /// a lost call leaves the texts in the outbox.
    /// </summary>
    [Alias("Send"), OneWay]
    Task SendAsync(string centerId, IReadOnlyList<ShiftText> texts, string? staffPhone);
}
