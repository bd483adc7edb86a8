namespace Lianxin.Residents;

/// <summary>
/// The links of one pseudonym: <see cref="Card"/> for a phone linked to an ID card, <see cref="Phones"/> for a card
/// with linked phones; both empty for a pseudonym that is linked to nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ResidentIdentity")]
public sealed record ResidentIdentity(
    [property: Id(0)] string PersonId,
    [property: Id(1)] string? Card,
    [property: Id(2)] IReadOnlyList<string> Phones)
{
    /// <summary>
    /// Phones one ID card may be linked to. One: a resident has one mobile number to sign in with, and the card's
    /// holder unlinks it (<c>DELETE /api/v1/me/phone</c>) without having to name it.
    /// </summary>
    public const int MaxPhones = 1;
}
