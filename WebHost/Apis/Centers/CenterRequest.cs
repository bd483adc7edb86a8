using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.WebHost.Apis.Registry;

/// <summary>A center as written through the API; every field is checked before anything changes.</summary>
public sealed record CenterRequest(
    string? Id,
    string? Name,
    string? Level,
    string? ParentId,
    GeoPoint? Location,
    double? FloorAreaSqm,
    int? Households,
    OpeningHoursRequest? OpeningHours,
    bool? SelfService24h,
    IReadOnlyList<StaffMemberRequest>? Staff,
    IReadOnlyList<string>? Functions,
    AreaExemptionRequest? AreaExemption,
    int? Capacity = null,
    string? Address = null)
{
    /// <summary>More people at once than any service center holds: a typo.</summary>
    public const int MaxCapacity = 100_000;

    /// <summary>The most staff one center lists (the largest street centers have tens): the list is stored whole.</summary>
    public const int MaxStaff = 200;

    /// <summary>Largest plausible floor area; anything above is a typo.</summary>
    private const double MaxFloorAreaSqm = 1_000_000;

    internal CenterProfile ToProfile(Validation v)
    {
        var name = v.Text("name", Name, 100);
        var level = v.Enum<CenterLevel>("level", Level);
        var parentId = ParentId is null ? null : v.Id("parentId", ParentId);
        var location = Location ?? new GeoPoint(double.NaN, double.NaN);
        if (!location.IsValid)
        {
            v.Add("location", "Must be a WGS84 position {latitude, longitude}.");
        }

        var area = v.Required("floorAreaSqm", FloorAreaSqm);
        if (!double.IsFinite(area) || area < 0 || area > MaxFloorAreaSqm)
        {
            v.Add("floorAreaSqm", $"Must be between 0 and {MaxFloorAreaSqm} m².");
        }

        if (Households is < 0)
        {
            v.Add("households", "Must not be negative.");
        }

        var hours = OpeningHours?.ToOpeningHours(v) ?? Missing(v, "openingHours", new OpeningHours(default, default));
        if (Staff is { Count: > MaxStaff })
        {
            v.Add("staff", $"A center lists at most {MaxStaff} staff members.");
        }

        var staff = (Staff ?? []).Take(MaxStaff).Select((s, i) => s.ToStaffMember(v, $"staff[{i}]")).ToList();
        var functions = (Functions ?? []).Select((f, i) => v.Enum<BasicFunction>($"functions[{i}]", f)).Distinct().ToList();
        var exemption = AreaExemption?.ToExemption(v);
        if (exemption is not null && Enum.IsDefined(level) && Enum.IsDefined(exemption.Kind) && !Lianxin.Governance.FloorAreaRule.AppliesTo(exemption.Kind, level))
        {
            // Saved, it would be ignored by the floor-area check: say so now instead.
            v.Add("areaExemption.kind", $"A {EnumNames.Of(exemption.Kind)} exemption applies to community centers only, not to a {EnumNames.Of(level)} center; only an island exemption applies at any level.");
        }

        if (Capacity is < 1 or > MaxCapacity)
        {
            v.Add("capacity", $"Must be between 1 and {MaxCapacity} people, or left out (derived from the floor area).");
        }

        var address = Address is null ? null : v.Text("address", Address, 200);
        return new CenterProfile(
            name, level, parentId, location, area, Households, hours, SelfService24h ?? false, staff, functions, exemption, Capacity, address);
    }

    private static T Missing<T>(Validation v, string field, T fallback)
    {
        v.Add(field, "Is required.");
        return fallback;
    }
}

/// <summary>Staffed opening hours, "HH:mm" local time.</summary>
public sealed record OpeningHoursRequest(string? Opens, string? Closes)
{
    internal OpeningHours ToOpeningHours(Validation v)
    {
        var opens = Parse(v, "openingHours.opens", Opens);
        var closes = Parse(v, "openingHours.closes", Closes);
        return new OpeningHours(opens, closes);
    }

    private static TimeOnly Parse(Validation v, string field, string? value)
    {
        if (TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], out var time))
        {
            return time;
        }

        v.Add(field, "Must be a time of day, HH:mm.");
        return default;
    }
}

/// <summary>One staff member of a center.</summary>
public sealed record StaffMemberRequest(string? Name, string? Role, bool? IsPartyMember, int? TrainingDays)
{
    internal StaffMember ToStaffMember(Validation v, string field)
    {
        var days = TrainingDays ?? 0;
        if (days is < 0 or > 366)
        {
            v.Add($"{field}.trainingDays", "Must be between 0 and 366.");
        }

        return new StaffMember(v.Text($"{field}.name", Name, 50), v.Enum<StaffRole>($"{field}.role", Role), IsPartyMember ?? false, days);
    }
}

/// <summary>An exemption from the floor-area standard; the reason is mandatory.</summary>
public sealed record AreaExemptionRequest(string? Kind, string? Reason)
{
    internal AreaExemption ToExemption(Validation v) =>
        new(v.Enum<AreaExemptionKind>("areaExemption.kind", Kind), v.Text("areaExemption.reason", Reason, 500));
}
