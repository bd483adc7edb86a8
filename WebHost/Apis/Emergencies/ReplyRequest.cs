using Lianxin.Common;
using Lianxin.Emergencies;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>
/// An answer to a roll-call: with the person's reply <c>token</c>, or by a grid lead on behalf of
/// <c>volunteerId</c> with a mandatory <c>comment</c>. <c>status</c> is a status name or a reply digit ("1" = 收到 …).
/// <c>requestId</c> makes a resent answer count once.
/// </summary>
public sealed record ReplyRequest(string? Token, string? VolunteerId, string? Status, string? Channel, string? Comment, LocationRequest? Location, Guid? RequestId)
{
    internal RollCallStatus ParseStatus(Validation v)
    {
        if (ReplyCodes.TryParse(Status, out var coded))
        {
            return coded;
        }

        // Only the answers a person may give are offered back: the digits 1–5 or their names, never the statuses the
        // system records (unknown, notified).
        if (!EnumNames.TryParse<RollCallStatus>(Status, out var status) || !StatusRules.IsReply(status))
        {
            v.Add("status", $"'{Status}' is not an answer: reply with a digit {ReplyCodes.Hint}, "
                + $"or a status name: {string.Join(", ", EnumNames.All<RollCallStatus>().Where((_, i) => StatusRules.IsReply(Enum.GetValues<RollCallStatus>()[i])))}.");
        }

        return status;
    }

    internal RollCallChannel ParseChannel(Validation v, RollCallChannel fallback) =>
        Channel is null ? fallback : v.Enum<RollCallChannel>("channel", Channel);

    internal string? ParseComment(Validation v) => Comment is null ? null : v.Text("comment", Comment, 500);

    internal GeoPoint? ParseLocation(Validation v)
    {
        if (Location is null)
        {
            return null;
        }

        var point = new GeoPoint(v.Required("location.latitude", Location.Latitude), v.Required("location.longitude", Location.Longitude));
        if (v.IsValid && !point.IsValid)
        {
            v.Add("location", "Not a WGS84 position.");
        }

        return point;
    }
}

/// <summary>Where the person is, when they say.</summary>
public sealed record LocationRequest(double? Latitude, double? Longitude);
