namespace Lianxin.Activities;

/// <summary>A person's standing in a <see cref="SignUpBook"/> (mutable: the book changes it in place).</summary>
internal sealed class Seat(string personId, DateTimeOffset signedUpAt, long arrival)
{
    public string PersonId { get; } = personId;

    public PlaceStatus Status { get; set; }

    public DateTimeOffset SignedUpAt { get; set; } = signedUpAt;

    public long Arrival { get; set; } = arrival;

    public DateTimeOffset? OfferExpiresAt { get; set; }

    public DateTimeOffset? CheckedInAt { get; set; }

    /// <summary>True while the person holds a place or a place is held for them.</summary>
    public bool Holds => Status is PlaceStatus.Confirmed or PlaceStatus.Offered or PlaceStatus.Attended or PlaceStatus.NoShow;

    /// <summary>True while the person is signed up in any way (a new attempt answers this standing).</summary>
    public bool IsActive => Holds || Status == PlaceStatus.Waitlisted;
}
