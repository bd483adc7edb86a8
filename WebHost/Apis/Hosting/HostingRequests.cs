using System.Globalization;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Hosting;

namespace Lianxin.WebHost.Apis;

/// <summary>A center's hosted positions, replaced as a whole.</summary>
public sealed record PositionsRequest(IReadOnlyList<PositionRequest?>? Positions);

/// <summary>One hosted position: id, kind, name, its own staffed hours ("HH:mm"), functions and a contact (an office or duty line).</summary>
public sealed record PositionRequest(string? Id, string? Kind, string? Name, string? Opens, string? Closes, IReadOnlyList<string?>? Functions, string? Contact)
{
    internal HostedPosition Read(Validation v, string field)
    {
        var functions = Functions ?? [];
        if (functions.Count > 10)
        {
            v.Add($"{field}.functions", "At most the ten basic functions.");
        }

        return new HostedPosition(
            v.Id($"{field}.id", Id),
            v.Enum<PositionKind>($"{field}.kind", Kind),
            v.Text($"{field}.name", Name, 100),
            new OpeningHours(Time(v, $"{field}.opens", Opens), Time(v, $"{field}.closes", Closes)),
            [.. functions.Take(10).Select((f, i) => v.Enum<BasicFunction>($"{field}.functions[{i}]", f)).Distinct()],
            v.Text($"{field}.contact", Contact, 100));
    }

    private static TimeOnly Time(Validation v, string field, string? value)
    {
        if (TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        v.Add(field, "Must be a time of day, HH:mm.");
        return default;
    }
}

/// <summary>A volunteer team: its center, name, leader and members (person ids).</summary>
public sealed record TeamRequest(string? CenterId, string? Name, string? LeaderId, IReadOnlyList<string?>? MemberIds);
