using System.Globalization;
using Lianxin.Shifts;

namespace Lianxin.WebHost.Apis.Shifts;

/// <summary>
/// A recurring shift: id (changes name it in the URL), title, local weekdays ("monday"…), local start and end ("HH:mm";
/// an end not after the start runs past midnight), and the fewest and most people it takes.
/// </summary>
public sealed record ShiftRequest(string? Id, string? Title, IReadOnlyList<string?>? Days, string? Starts, string? Ends, int? MinPeople, int? MaxPeople)
{
    /// <summary>Occurrence ids add "-yyyyMMdd" to the shift id and must stay ids themselves.</summary>
    public const int MaxIdLength = 48;
    public const int MaxPeopleLimit = 200;

    internal ShiftDefinition Read(Validation v, string? idFromRoute = null)
    {
        var id = v.Id("id", idFromRoute ?? Id);
        if (id.Length > MaxIdLength)
        {
            v.Add("id", $"Must be at most {MaxIdLength} characters.");
        }

        if (idFromRoute is not null && Id is not null && Id != idFromRoute)
        {
            v.Add("id", "Must be the shift named in the URL (or left out).");
        }

        var days = Days ?? [];
        if (days.Count is 0 or > 7)
        {
            v.Add("days", "Name 1 to 7 weekdays.");
        }

        var min = v.Required("minPeople", MinPeople);
        var max = v.Required("maxPeople", MaxPeople);
        if (min is < 0 or > MaxPeopleLimit)
        {
            v.Add("minPeople", $"Must be 0 to {MaxPeopleLimit}.");
        }

        if (max is < 1 or > MaxPeopleLimit)
        {
            v.Add("maxPeople", $"Must be 1 to {MaxPeopleLimit}.");
        }
        else if (max < min)
        {
            v.Add("maxPeople", "Must not be below minPeople.");
        }

        var starts = Time(v, "starts", Starts);
        var ends = Time(v, "ends", Ends);
        if (Starts is not null && Ends is not null && starts == ends)
        {
            v.Add("ends", "Must differ from starts.");
        }

        return new ShiftDefinition(
            id,
            v.Text("title", Title, 100),
            [.. days.Take(7).Select((d, i) => v.Enum<DayOfWeek>($"days[{i}]", d)).Distinct().Order()],
            starts,
            ends,
            min,
            max);
    }

    internal static TimeOnly Time(Validation v, string field, string? value)
    {
        if (TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        v.Add(field, "Must be a local time of day, HH:mm.");
        return default;
    }
}

/// <summary>A shift sign-up: the person taking the place (themselves, or someone an organiser signs up).</summary>
public sealed record ShiftSignUpRequest(string? PersonId);

/// <summary>A person's weekly availability: local weekday windows ("from"/"to" HH:mm; a "to" not after "from" runs past midnight).</summary>
public sealed record AvailabilityRequest(IReadOnlyList<AvailabilityWindowRequest?>? Windows)
{
    public const int MaxWindows = 28;

    internal ShiftAvailability Read(Validation v)
    {
        var windows = Windows ?? [];
        if (Windows is null)
        {
            v.Add("windows", "Is required (an empty list: not available).");
        }

        if (windows.Count > MaxWindows)
        {
            v.Add("windows", $"At most {MaxWindows} windows.");
        }

        return new ShiftAvailability([.. windows.Take(MaxWindows).Select((w, i) => Window(v, $"windows[{i}]", w))]);
    }

    private static AvailabilityWindow Window(Validation v, string field, AvailabilityWindowRequest? w)
    {
        if (w is null)
        {
            v.Add(field, "Is required.");
            return new AvailabilityWindow(DayOfWeek.Monday, default, default);
        }

        var from = ShiftRequest.Time(v, $"{field}.from", w.From);
        var to = ShiftRequest.Time(v, $"{field}.to", w.To);
        if (w.From is not null && w.To is not null && from == to)
        {
            v.Add($"{field}.to", "Must differ from 'from'.");
        }

        return new AvailabilityWindow(v.Enum<DayOfWeek>($"{field}.day", w.Day), from, to);
    }
}

/// <summary>One weekly window of availability.</summary>
public sealed record AvailabilityWindowRequest(string? Day, string? From, string? To);

/// <summary>A person's shifts: those they hold a place on (recent ones with attendance), and the open ones they may take.</summary>
public sealed record PersonShifts(IReadOnlyList<PersonShiftLine> Mine, IReadOnlyList<PersonShiftLine> Open);

/// <summary>An occurrence short of its minimum, with its center.</summary>
public sealed record ShiftAtRisk(string CenterId, ShiftOccurrence Occurrence);

/// <summary>The center's staff contact for shift alerts by SMS: a mobile number, or null to remove it.</summary>
public sealed record StaffContactRequest(string? Phone);

/// <summary>The center's staff contact for shift alerts, masked (<c>139****0003</c>); null when none is registered.</summary>
public sealed record StaffContact(string? Phone);
