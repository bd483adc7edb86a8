namespace Lianxin.Residents;

/// <summary>
/// The rules of linking a phone to an ID card, as pure functions over each side's <see cref="ResidentIdentityState"/>.
/// The phone decides which card it belongs to (first come, until released); the card decides how many phones it takes
/// and keeps a list that may run ahead of the phones, never behind them.
/// </summary>
public static class PhoneLinks
{
    /// <summary>
    /// The card's side, before it asks the phone: null when <paramref name="phoneId"/> may be added (and is, to
    /// <paramref name="card"/>); otherwise why not. <paramref name="card"/> holds only confirmed phones here.
    /// </summary>
    public static PhoneLinkOutcome? Admit(ResidentIdentityState card, string phoneId)
    {
        if (card.Phones.Contains(phoneId, StringComparer.Ordinal))
        {
            return PhoneLinkOutcome.AlreadyLinked;
        }

        if (card.Phones.Count >= ResidentIdentity.MaxPhones)
        {
            return PhoneLinkOutcome.CardHasPhones;
        }

        card.Phones.Add(phoneId);
        return null;
    }

    /// <summary>The phone's side: takes <paramref name="cardId"/> unless it has a card; answers the card it has afterwards.</summary>
    public static string Attach(ResidentIdentityState phone, string cardId) => phone.Card ??= cardId;

    /// <summary>The phone's side: forgets <paramref name="cardId"/> if that is its card; true when something changed.</summary>
    public static bool Detach(ResidentIdentityState phone, string cardId)
    {
        if (phone.Card != cardId)
        {
            return false;
        }

        phone.Card = null;
        return true;
    }

    /// <summary>
    /// The card's side, with each listed phone's own answer (<paramref name="cardOfPhone"/>, in list order): drops the
    /// phones that are not linked to <paramref name="cardId"/>; true when something was dropped.
    /// </summary>
    public static bool Confirm(ResidentIdentityState card, string cardId, IReadOnlyList<string?> cardOfPhone)
    {
        var denied = card.Phones.Where((_, i) => cardOfPhone[i] != cardId).ToList();
        card.Phones.RemoveAll(denied.Contains);
        return denied.Count > 0;
    }
}
