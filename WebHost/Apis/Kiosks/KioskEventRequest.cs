using System.Globalization;
using System.Text.RegularExpressions;
using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.WebHost.Apis.Kiosks;

/// <summary>
/// One event of kiosk protocol v1 as it arrives: every field is read as sent and checked here, so each mistake
/// gets a field error (<c>events[3].occurredAt</c>) instead of a generic parse failure. Settable properties rather
/// than a constructor: the JSON reader fills them as it meets them, without gathering each event's arguments first
/// (a batch holds up to 500 events).
/// </summary>
public sealed partial class KioskEventRequest
{
    public string? EventId { get; init; }

    public string? OccurredAt { get; init; }

    public string? Type { get; init; }

    public string? PersonId { get; init; }

    public string? Role { get; init; }

    public string? Purpose { get; init; }

    public string? Service { get; init; }

    public int? Points { get; init; }

    public string? Goods { get; init; }

    public string? Description { get; init; }

    public string? Door { get; init; }

    public string? Peripheral { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }

    internal KioskEvent? ToEvent(Validation v, Item at, DateTimeOffset now, KioskOptions options, Security.PersonPseudonyms pseudonyms)
    {
        var errorsBefore = v.FieldsInError;
        var eventId = Guid.Empty;
        if (EventId is null || !Guid.TryParseExact(EventId, "D", out eventId) || eventId == Guid.Empty)
        {
            v.Add(at["eventId"], "Is required: a UUID the kiosk generates (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");
        }

        var occurredAt = ParseTime(v, at["occurredAt"], now, options);
        KioskEventBody? body = Type switch
        {
            KioskEventTypes.CheckIn => new CheckIn(Person(v, at, pseudonyms), CheckInRole(v, at), CheckInPurpose(v, at)),
            KioskEventTypes.CheckOut => new CheckOut(Person(v, at, pseudonyms)),
            KioskEventTypes.SelfService => new SelfService(v.Text(at["service"], Service, 64), OptionalPurpose(v, at, BasicFunction.ConvenienceServices), OptionalPerson(v, at, pseudonyms)),
            KioskEventTypes.PointsRedemption => new PointsRedemption(Person(v, at, pseudonyms), PointsToSpend(v, at), v.Text(at["goods"], Goods, 100)),
            KioskEventTypes.HelpRequest => new HelpRequest(OptionalPerson(v, at, pseudonyms), OptionalPurpose(v, at, BasicFunction.CareAssistance), v.Text(at["description"], Description, 500)),
            KioskEventTypes.AfterHoursEntry => new AfterHoursEntry(Person(v, at, pseudonyms), Door is null ? null : v.Text(at["door"], Door, 64)),
            KioskEventTypes.Fault => new FaultReport(v.Text(at["peripheral"], Peripheral, 32), v.Text(at["code"], Code, 64), Message is null ? null : v.Text(at["message"], Message, 500)),
            _ => null,
        };
        if (body is null)
        {
            v.Add(at["type"], $"'{Type}' is not one of: {string.Join(", ", KioskEventTypes.Bodies.Keys)}.");
        }

        return v.FieldsInError == errorsBefore && body is not null ? new KioskEvent(eventId, occurredAt, body) : null;
    }

    private DateTimeOffset ParseTime(Validation v, Field field, DateTimeOffset now, KioskOptions options)
    {
        if (OccurredAt is null || !Rfc3339Pattern().IsMatch(OccurredAt)
            || !DateTimeOffset.TryParse(OccurredAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            v.Add(field, "Is required: an RFC 3339 time with an offset, e.g. 2026-05-01T09:30:00+08:00.");
            return default;
        }

        if (at > now + options.MaxClockSkew)
        {
            v.Add(field, $"Is in the future: more than {options.MaxClockSkew.TotalMinutes:0} minutes ahead of the server clock ({now:O}). Check the kiosk's clock.");
        }
        else if (at < now - options.MaxEventAge)
        {
            v.Add(field, $"Is more than {options.MaxEventAge.TotalDays:0} days old; the kiosk's clock is probably wrong.");
        }

        return at;
    }

    private string Person(Validation v, Item at, Security.PersonPseudonyms pseudonyms)
    {
        if (PersonId is null || !PersonPattern().IsMatch(PersonId))
        {
            v.Add(at["personId"], "Is required: 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");
            return "";
        }

        // A phone or ID-card number goes no further than this line: what is stored is its keyed pseudonym.
        return pseudonyms.Of(PersonId);
    }

    private string? OptionalPerson(Validation v, Item at, Security.PersonPseudonyms pseudonyms) => PersonId is null ? null : Person(v, at, pseudonyms);

    private PersonRole CheckInRole(Validation v, Item at) => Role is null ? PersonRole.Visitor : v.Enum<PersonRole>(at["role"], Role);

    /// <summary>A visitor states a purpose; duty is volunteer service and a mobile party member's report-in is party building unless said otherwise.</summary>
    private BasicFunction CheckInPurpose(Validation v, Item at)
    {
        var role = Role is null ? PersonRole.Visitor : EnumNames.TryParse<PersonRole>(Role, out var r) ? r : PersonRole.Visitor;
        return role switch
        {
            PersonRole.Visitor when Purpose is null => Required(v, at["purpose"]),
            PersonRole.Volunteer when Purpose is null => BasicFunction.VolunteerService,
            PersonRole.MobilePartyMember when Purpose is null => BasicFunction.PartyBuilding,
            _ => v.Enum<BasicFunction>(at["purpose"], Purpose),
        };
    }

    private static BasicFunction Required(Validation v, Field field)
    {
        v.Add(field, $"Is required for a visitor: one of {string.Join(", ", EnumNames.All<BasicFunction>())}.");
        return default;
    }

    private BasicFunction OptionalPurpose(Validation v, Item at, BasicFunction fallback) =>
        Purpose is null ? fallback : v.Enum<BasicFunction>(at["purpose"], Purpose);

    private int PointsToSpend(Validation v, Item at)
    {
        if (Points is not (> 0 and <= 1_000_000))
        {
            v.Add(at["points"], "Is required: a whole number of points from 1 to 1000000.");
        }

        return Points ?? 0;
    }

    /// <summary>A person id as kiosks send it (also the key of a person's ledger).</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    internal static partial Regex PersonPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    internal static partial Regex Rfc3339Pattern();
}
