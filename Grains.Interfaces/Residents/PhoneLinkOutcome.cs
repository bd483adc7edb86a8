namespace Lianxin.Residents;

/// <summary>What became of a request to link or unlink a phone.</summary>
[Alias("Lianxin.PhoneLinkOutcome")]
public enum PhoneLinkOutcome
{
    /// <summary>The phone is now linked to the card.</summary>
    Linked = 1,

    /// <summary>The phone was linked to the card already; nothing changed.</summary>
    AlreadyLinked = 2,

    /// <summary>The phone is linked to another card, which must release it first; nothing changed.</summary>
    LinkedToAnotherCard = 3,

    /// <summary>The card has as many phones as it may (<see cref="ResidentIdentity.MaxPhones"/>); nothing changed.</summary>
    CardHasPhones = 4,

    /// <summary>The card's phones are released.</summary>
    Unlinked = 5,

    /// <summary>The card had no phone to release; nothing changed.</summary>
    NotLinked = 6,
}
