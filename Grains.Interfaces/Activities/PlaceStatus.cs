namespace Lianxin.Activities;

/// <summary>A person's standing in an activity.</summary>
public enum PlaceStatus
{
    /// <summary>Holds a place.</summary>
    Confirmed = 0,
    /// <summary>On the waitlist, at a position.</summary>
    Waitlisted = 1,
    /// <summary>A freed place is held for them until the offer expires; they must confirm it.</summary>
    Offered = 2,
    /// <summary>Checked in by staff.</summary>
    Attended = 3,
    /// <summary>Held a place and did not come.</summary>
    NoShow = 4,
    /// <summary>Cancelled their sign-up (or declined an offer).</summary>
    Cancelled = 5,
    /// <summary>Let an offer expire; the place passed on.</summary>
    Lapsed = 6,
}
