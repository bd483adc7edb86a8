namespace Lianxin.Activities;

/// <summary>
/// The waitlist's offers: a place freed before the start goes to the head of the waitlist as an offer, which the person
/// confirms in time or which lapses and passes on; the end turns confirmed places nobody checked in to no-shows.
/// </summary>
internal sealed partial class SignUpBook
{
    private BookResult ConfirmOffer(string personId, DateTimeOffset at)
    {
        if (!_seats.TryGetValue(personId, out var seat))
        {
            return Step(false, ActivityStepResult.NotFound($"'{personId}' has not signed up."));
        }

        if (seat.Status is PlaceStatus.Confirmed or PlaceStatus.Attended)
        {
            return Step(false, ActivityStepResult.Done(View(seat)));
        }

        if (seat.Status != PlaceStatus.Offered || Phase != ActivityPhase.Published)
        {
            return Step(false, ActivityStepResult.Conflict("No place is offered to this person.", View(seat)));
        }

        if (at > seat.OfferExpiresAt)
        {
            return Step(false, ActivityStepResult.Conflict($"The offer expired at {seat.OfferExpiresAt:O}; the place passes on.", View(seat)));
        }

        seat.Status = PlaceStatus.Confirmed;
        seat.OfferExpiresAt = null;
        _offers.Remove(seat);
        return Step(true, ActivityStepResult.Done(View(seat)));
    }

    /// <summary>Offers past their time lapse and pass on; at the end, confirmed places not checked in are no-shows.</summary>
    private BookResult Tick(DateTimeOffset at)
    {
        if (Phase != ActivityPhase.Published)
        {
            return new BookResult(false);
        }

        var lapsed = _offers.Where(s => s.OfferExpiresAt <= at).ToList();
        foreach (var seat in lapsed)
        {
            Release(seat, PlaceStatus.Lapsed);
        }

        var offers = MakeOffers(at);
        var ended = at >= Definition!.EndsAt;
        if (ended)
        {
            foreach (var seat in _seats.Values.Where(s => s.Status == PlaceStatus.Confirmed))
            {
                seat.Status = PlaceStatus.NoShow;
            }

            Phase = ActivityPhase.Ended;
        }

        return new BookResult(lapsed.Count > 0 || offers.Count > 0 || ended) { OffersMade = offers };
    }

    /// <summary>Free places go to the head of the waitlist, one offer each, until the activity starts.</summary>
    private List<Seat> MakeOffers(DateTimeOffset at)
    {
        var made = new List<Seat>();
        var d = Definition!;
        while (Phase == ActivityPhase.Published && at < d.StartsAt && _holding < d.Capacity && _waitlist.Count > 0)
        {
            var seat = _waitlist[0];
            _waitlist.RemoveAt(0);
            seat.Status = PlaceStatus.Offered;
            seat.OfferExpiresAt = Min(at + d.OfferTime, d.StartsAt);
            _offers.Add(seat);
            _holding++;
            made.Add(seat);
        }

        return made;
    }
}
