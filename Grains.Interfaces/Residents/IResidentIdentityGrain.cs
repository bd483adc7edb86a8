namespace Lianxin.Residents;

/// <summary>
/// The links of one resident pseudonym (<c>pid-…</c>): a phone's pseudonym names the ID card it is linked to (at most
/// one), a card's pseudonym the phones linked to it (at most <see cref="ResidentIdentity.MaxPhones"/>). The card is the
/// person's canonical id: kiosks record check-ins, visits and points under it.
/// <para>
/// The phone's side is the authority on which card a phone belongs to. A card adds a phone to its list before it asks
/// the phone, and a phone is released before the card drops it, so a call that fails halfway leaves the card listing a
/// phone that is not (yet, or any longer) its own, never the reverse; the card confirms its list with each phone
/// whenever it is read or asked to link, dropping what the phone denies, and a retried request completes the link.
/// </para>
/// </summary>
[Alias("Lianxin.IResidentIdentityGrain")]
public interface IResidentIdentityGrain : IGrainWithStringKey
{
    /// <summary>
    /// The pseudonym's links: for a phone, the card it is linked to; for a card, its phones, each confirmed by the
    /// phone's own actor (a phone that denies the link is dropped, durably, before the answer).
    /// </summary>
    [Alias("Get")]
    Task<ResidentIdentity> GetAsync();

    /// <summary>
    /// Asked of a card: links the phone <paramref name="phoneId"/> to it. Linking the same phone again answers
    /// <see cref="PhoneLinkOutcome.AlreadyLinked"/>; a phone linked to another card, or a card that has its phones
    /// already, is refused and nothing changes.
    /// </summary>
    [Alias("LinkPhone")]
    Task<PhoneLinkResult> LinkPhoneAsync(string phoneId);

    /// <summary>Asked of a card: releases every phone linked to it (a card without one answers <see cref="PhoneLinkOutcome.NotLinked"/>).</summary>
    [Alias("UnlinkPhones")]
    Task<PhoneLinkResult> UnlinkPhonesAsync();

    /// <summary>
    /// Asked of a phone by a card that is linking it: the phone takes <paramref name="cardId"/> when it has no card,
    /// durably before answering; the answer is the card the phone is linked to afterwards (another one refuses).
    /// </summary>
    [Alias("AttachToCard")]
    Task<string> AttachToCardAsync(string cardId);

    /// <summary>Asked of a phone by the card releasing it: forgets <paramref name="cardId"/> (durably) if that is its card.</summary>
    [Alias("DetachFromCard")]
    Task DetachFromCardAsync(string cardId);
}
