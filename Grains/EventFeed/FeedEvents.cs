using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lianxin.Activities;
using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.Governance;

namespace Lianxin.EventFeed;

/// <summary>
/// The outbound events, built from what the actors hold. Ids name the fact (never a random number), so the same fact
/// published twice is one event; sources are the things whose order a receiver relies on. No personal data: people
/// appear by id only, free text (a resident's request, notes) is left out. docs/event-feed.md lists the types.
/// </summary>
public static class FeedEvents
{
    public const string TypePrefix = "cn.lianxin.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One stage a help request entered (its <paramref name="index"/>-th history entry).</summary>
    public static FeedEvent HelpRequestStage(LoopTicket ticket, int index)
    {
        var step = ticket.History[index];
        return new(
            $"helprequest:{ticket.Id}:{index}", $"{TypePrefix}helprequest.{Camel(step.Stage)}", $"/help-requests/{ticket.Id}", Camel(step.Stage), step.At, ticket.CenterId,
            Data(new
            {
                helpRequestId = ticket.Id,
                centerId = ticket.CenterId,
                function = ticket.Function,
                stage = step.Stage,
                step = index,
                raisedAt = ticket.RaisedAt,
                ownerId = index == ticket.History.Count - 1 ? ticket.Owner?.Id : null,
                dueAt = index == ticket.History.Count - 1 ? ticket.DueAt : null,
                escalationLevel = ticket.EscalationLevel,
                escalatedTo = ticket.EscalatedTo,
            }));
    }

    public static FeedEvent EmergencyLaunched(EmergencyEntry e, int people) => new(
        $"emergency:{e.Id}:launched", $"{TypePrefix}emergency.launched", Source(e), null, e.LaunchedAt, e.HomeCenterId,
        Data(new { emergencyId = e.Id, name = e.Name, mode = e.Mode, level = e.Level, homeCenterId = e.HomeCenterId, homeGridId = e.HomeGridId, people }));

    /// <summary>A level change, named by the sequence number the emergency gave it.</summary>
    public static FeedEvent EmergencyLevelChanged(EmergencyEntry e, long sequence, DateTimeOffset at) => new(
        $"emergency:{e.Id}:level:{sequence}", $"{TypePrefix}emergency.levelChanged", Source(e), Camel(e.Level), at, e.HomeCenterId,
        Data(new { emergencyId = e.Id, level = e.Level }));

    public static FeedEvent EmergencyClosed(EmergencyEntry e) => new(
        $"emergency:{e.Id}:{Camel(e.Phase)}", $"{TypePrefix}emergency.{Camel(e.Phase)}", Source(e), null, e.ClosedAt ?? e.LaunchedAt, e.HomeCenterId,
        Data(new { emergencyId = e.Id, phase = e.Phase, closedAt = e.ClosedAt }));

    /// <summary>The roll-call reached <paramref name="percent"/> % of its people accounted for (50, 90, 100).</summary>
    public static FeedEvent RollCallMilestone(EmergencyEntry e, int percent, int accounted, int total, DateTimeOffset at) => new(
        $"emergency:{e.Id}:rollcall:{percent}", $"{TypePrefix}rollcall.milestone", Source(e), percent.ToString(CultureInfo.InvariantCulture), at, e.HomeCenterId,
        Data(new { emergencyId = e.Id, percent, accounted, total }));

    /// <summary>A kiosk went offline (from its last sign of life plus the offline threshold) or came back.</summary>
    public static FeedEvent KioskConnectivity(string kioskId, string centerId, bool online, DateTimeOffset since) => new(
        $"kiosk:{kioskId}:{(online ? "online" : "offline")}:{since.ToUnixTimeSeconds()}", $"{TypePrefix}kiosk.{(online ? "online" : "offline")}",
        $"/kiosks/{kioskId}", null, since, centerId, Data(new { kioskId, centerId, online, since }));

    public static FeedEvent ActivityPublished(ActivityDefinition d) => new(
        $"activity:{d.Id}:published", $"{TypePrefix}activity.published", $"/activities/{d.Id}", null, d.PublishedAt, d.CenterId,
        Data(new
        {
            activityId = d.Id, centerId = d.CenterId, title = d.Title, function = d.Function, startsAt = d.StartsAt, endsAt = d.EndsAt,
            capacity = d.Capacity, audience = d.Audience, providerId = d.ProviderId,
        }));

    public static FeedEvent ActivityCancelled(ActivityDefinition d, string reason, DateTimeOffset at) => new(
        $"activity:{d.Id}:cancelled", $"{TypePrefix}activity.cancelled", $"/activities/{d.Id}", null, at, d.CenterId,
        Data(new { activityId = d.Id, centerId = d.CenterId, reason }));

    /// <summary>Check-ins at a center in one local hour, by function.</summary>
    public static FeedEvent HourlyVisits(string centerId, DateTimeOffset hourStart, IReadOnlyDictionary<BasicFunction, int> byFunction) => new(
        $"visits:{centerId}:{hourStart.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}", $"{TypePrefix}center.visitsHourly",
        $"/centers/{centerId}/visits", hourStart.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture), hourStart.AddHours(1), centerId,
        Data(new
        {
            centerId, hourStart, hourEnd = hourStart.AddHours(1), visits = byFunction.Values.Sum(),
            byFunction = byFunction.Where(p => p.Value > 0).ToDictionary(p => Camel(p.Key), p => p.Value),
        }));

    private static string Source(EmergencyEntry e) => $"/emergencies/{e.Id}";

    private static string Data<T>(T data) => JsonSerializer.Serialize(data, Json);

    private static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
