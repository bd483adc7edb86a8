namespace Lianxin.Activities;

/// <summary>
/// The rules of one activity's places, pure and deterministic: the same steps in the same order always give the same
/// answers, so the actor rebuilds the book by applying its journal again. Attempts are answered in the order applied:
/// confirmed while places are left and nobody waits, else waitlisted (with position) while the waitlist has room, else
/// full. A place freed before the start is offered to the first on the waitlist until the offer time runs out; then it
/// passes on. One standing per person; a key seen before gets its first answer again.
/// </summary>
internal sealed partial class SignUpBook
{
    /// <summary>Staff may check people in from this long before the start until the end.</summary>
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromHours(1);

    private readonly Dictionary<string, Seat> _seats = new(StringComparer.Ordinal);
    private readonly List<Seat> _byArrival = [];
    private readonly List<Seat> _waitlist = [];
    private readonly List<Seat> _offers = [];
    private readonly Dictionary<(string Person, string Key), SignUpAnswer> _answers = [];
    private int _holding;

    public ActivityDefinition? Definition { get; private set; }

    public ActivityPhase Phase { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>Attempts that got an answer from the places (confirmed, waitlisted or full), numbered in arrival order.</summary>
    public long Attempts { get; private set; }

    public int PlacesLeft => Definition is null ? 0 : Math.Max(0, Definition.Capacity - _holding);

    public BookResult Apply(ActivityEvent e) => e.Type switch
    {
        ActivityEvent.Published => Publish(e.Definition!),
        _ when Definition is null => new BookResult(false, SignUpAnswer.Refused(SignUpOutcome.NotFound, "The activity does not exist."),
            ActivityStepResult.NotFound("The activity does not exist.")),
        ActivityEvent.Attempt => Attempt(e.PersonId!, e.Key!, e.At),
        ActivityEvent.SignUpCancelled => CancelSignUp(e.PersonId!, e.At),
        ActivityEvent.OfferConfirmed => ConfirmOffer(e.PersonId!, e.At),
        ActivityEvent.CheckedIn => CheckIn(e.PersonId!, e.At),
        ActivityEvent.Tick => Tick(e.At),
        ActivityEvent.Cancelled => CancelActivity(e.Reason ?? ""),
        _ => throw new InvalidDataException($"Unknown activity step '{e.Type}'."),
    };

    /// <summary>The next moment the book has something to do by itself (an offer expiring, the end), or null.</summary>
    public DateTimeOffset? NextDue() => Phase != ActivityPhase.Published || Definition is null
        ? null
        : _offers.Count == 0 ? Definition.EndsAt : Min(_offers.Min(s => s.OfferExpiresAt!.Value), Definition.EndsAt);

    public PersonPlace? Place(string personId) => _seats.TryGetValue(personId, out var seat) ? View(seat) : null;

    public IReadOnlyList<PersonPlace> Places() => [.. _byArrival.Select(View)];

    public ActivityView? View() => Definition is null ? null : new ActivityView(
        Definition, Phase, _seats.Values.Count(s => s.Status == PlaceStatus.Confirmed), _offers.Count, _waitlist.Count,
        _seats.Values.Count(s => s.Status == PlaceStatus.Attended), _seats.Values.Count(s => s.Status == PlaceStatus.NoShow), PlacesLeft, CancelReason, Attempts);

    /// <summary>Everyone signed up in any way: who must hear that the activity is cancelled.</summary>
    public IReadOnlyList<string> SignedUp() => [.. _byArrival.Where(s => s.IsActive).Select(s => s.PersonId)];

    private BookResult Publish(ActivityDefinition definition)
    {
        if (Definition is null)
        {
            Definition = definition;
            return new BookResult(true, Step: ActivityStepResult.Done());
        }

        // A re-sent publish carries a new time and may come from another staff member; what it says must be the same.
        var same = Definition == definition with { PublishedAt = Definition.PublishedAt, PublishedBy = Definition.PublishedBy };
        return new BookResult(false, Step: same ? ActivityStepResult.Done() : ActivityStepResult.Conflict($"Activity '{definition.Id}' exists with other details."));
    }

    private BookResult Attempt(string personId, string key, DateTimeOffset at)
    {
        if (_answers.TryGetValue((personId, key), out var first))
        {
            return new BookResult(false, first with { Repeated = true });
        }

        if (Closed(at) is { } closed)
        {
            return new BookResult(false, SignUpAnswer.Refused(SignUpOutcome.Closed, closed));
        }

        SignUpAnswer answer;
        if (_seats.TryGetValue(personId, out var seat) && seat.IsActive)
        {
            answer = Standing(seat) with { Repeated = true };
        }
        else
        {
            var arrival = ++Attempts;
            var d = Definition!;
            if (_holding < d.Capacity && _waitlist.Count == 0)
            {
                Seat(personId, at, arrival).Status = PlaceStatus.Confirmed;
                _holding++;
                answer = new SignUpAnswer(SignUpOutcome.Confirmed, null, null, arrival, false);
            }
            else if (d.Waitlist && _waitlist.Count < d.WaitlistLimit)
            {
                var waiting = Seat(personId, at, arrival);
                waiting.Status = PlaceStatus.Waitlisted;
                _waitlist.Add(waiting);
                answer = new SignUpAnswer(SignUpOutcome.Waitlisted, _waitlist.Count, null, arrival, false);
            }
            else
            {
                answer = new SignUpAnswer(SignUpOutcome.Full, null, d.Waitlist ? "Every place is taken and the waitlist is full." : "Every place is taken.", arrival, false);
            }
        }

        _answers[(personId, key)] = answer;
        return new BookResult(true, answer);
    }

    private BookResult CancelSignUp(string personId, DateTimeOffset at)
    {
        if (!_seats.TryGetValue(personId, out var seat))
        {
            return Step(false, ActivityStepResult.NotFound($"'{personId}' has not signed up."));
        }

        if (seat.Status is PlaceStatus.Cancelled or PlaceStatus.Lapsed)
        {
            return Step(false, ActivityStepResult.Done(View(seat)));
        }

        if (Phase != ActivityPhase.Published || at >= Definition!.StartsAt)
        {
            return Step(false, ActivityStepResult.Conflict("The activity has started, ended or been cancelled: sign-ups can no longer be cancelled.", View(seat)));
        }

        Release(seat, PlaceStatus.Cancelled);
        var offers = MakeOffers(at);
        return Step(true, ActivityStepResult.Done(View(seat))) with { OffersMade = offers };
    }

    private BookResult CheckIn(string personId, DateTimeOffset at)
    {
        if (!_seats.TryGetValue(personId, out var seat))
        {
            return Step(false, ActivityStepResult.NotFound($"'{personId}' has not signed up."));
        }

        if (seat.Status == PlaceStatus.Attended)
        {
            return Step(false, ActivityStepResult.Done(View(seat)));
        }

        var d = Definition!;
        if (Phase == ActivityPhase.Cancelled || at < d.StartsAt - CheckInOpensBefore || at > d.EndsAt)
        {
            return Step(false, ActivityStepResult.Conflict(
                $"Check-in is open from {d.StartsAt - CheckInOpensBefore:O} to {d.EndsAt:O} of an activity that is not cancelled.", View(seat)));
        }

        if (seat.Status != PlaceStatus.Confirmed)
        {
            return Step(false, ActivityStepResult.Conflict($"Only a confirmed place can be checked in; this one is {seat.Status}.", View(seat)));
        }

        seat.Status = PlaceStatus.Attended;
        seat.CheckedInAt = at;
        return Step(true, ActivityStepResult.Done(View(seat)));
    }

    private BookResult CancelActivity(string reason)
    {
        if (Phase == ActivityPhase.Cancelled)
        {
            return Step(false, ActivityStepResult.Done());
        }

        if (Phase == ActivityPhase.Ended)
        {
            return Step(false, ActivityStepResult.Conflict("The activity is over."));
        }

        var toTell = SignedUp();
        Phase = ActivityPhase.Cancelled;
        CancelReason = reason;
        return Step(true, ActivityStepResult.Done()) with { ToTell = toTell };
    }

    private string? Closed(DateTimeOffset at)
    {
        var d = Definition!;
        return Phase != ActivityPhase.Published ? $"The activity is {Phase.ToString().ToLowerInvariant()}."
            : at < d.SignUpOpensAt ? $"Sign-up opens at {d.SignUpOpensAt:O}."
            : at >= d.SignUpClosesAt ? $"Sign-up closed at {d.SignUpClosesAt:O}."
            : null;
    }

    private void Release(Seat seat, PlaceStatus to)
    {
        if (seat.Holds)
        {
            _holding--;
        }

        if (seat.Status == PlaceStatus.Waitlisted)
        {
            _waitlist.Remove(seat);
        }

        if (seat.Status == PlaceStatus.Offered)
        {
            _offers.Remove(seat);
        }

        seat.Status = to;
        seat.OfferExpiresAt = null;
    }

    private Seat Seat(string personId, DateTimeOffset at, long arrival)
    {
        if (_seats.TryGetValue(personId, out var seat))
        {
            // Someone who cancelled or let an offer lapse signs up again: they go to the back, as a new arrival.
            _byArrival.Remove(seat);
            (seat.SignedUpAt, seat.Arrival, seat.CheckedInAt) = (at, arrival, null);
        }
        else
        {
            _seats[personId] = seat = new Seat(personId, at, arrival);
        }

        _byArrival.Add(seat);
        return seat;
    }

    private SignUpAnswer Standing(Seat seat) => seat.Status switch
    {
        PlaceStatus.Waitlisted => new SignUpAnswer(SignUpOutcome.Waitlisted, _waitlist.IndexOf(seat) + 1, "Already on the waitlist.", seat.Arrival, true),
        PlaceStatus.Offered => new SignUpAnswer(SignUpOutcome.Waitlisted, 0, $"A place is offered until {seat.OfferExpiresAt:O}: confirm it.", seat.Arrival, true),
        _ => new SignUpAnswer(SignUpOutcome.Confirmed, null, "Already holds a place.", seat.Arrival, true),
    };

    private PersonPlace View(Seat seat) => new(
        seat.PersonId, seat.Status, seat.Status == PlaceStatus.Waitlisted ? _waitlist.IndexOf(seat) + 1 : null, seat.OfferExpiresAt, seat.SignedUpAt,
        seat.Arrival, seat.CheckedInAt);

    private static BookResult Step(bool changed, ActivityStepResult step) => new(changed, Step: step);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
