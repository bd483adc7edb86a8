namespace Lianxin.Residents;

/// <summary>
/// The persisted links of one pseudonym: a phone's card, or a card's phones (see <see cref="IResidentIdentityGrain"/>).
/// A schema: members only added, ids never reused.
/// </summary>
[GenerateSerializer, Alias("Lianxin.ResidentIdentityState")]
public sealed class ResidentIdentityState
{
    /// <summary>For a phone: the card it is linked to. The authority on the link.</summary>
    [Id(0)] public string? Card { get; set; }

    /// <summary>For a card: the phones it linked, possibly one the phone has not taken (yet, or any longer).</summary>
    [Id(1)] public List<string> Phones { get; set; } = [];
}
