using System.Globalization;
using Lianxin.Centers;
using Lianxin.Emergencies;
using Lianxin.Grids;
using Lianxin.HelpRequests;
using Lianxin.Kiosks;
using Lianxin.Volunteers;

namespace Lianxin.Listings;

/// <summary>The listing line of each registry's thing: what it is filtered, ordered and shown by.</summary>
public static class ListingLines
{
    /// <summary>Sorts after every time stamp: a help request without a due time queues last.</summary>
    public const string NoTime = "~";

    /// <summary>A center's line: under its parent, tagged with its level and functions, placed at its location.</summary>
    public static ListingEntry Center(string id, CenterProfile p) => new(
        ListingKind.Center, id, id, p.ParentId, null, p.Name,
        [ListingTags.Of("level", p.Level), .. p.Functions.Distinct().Select(f => ListingTags.Of("function", f))],
        p.Location,
        ListingJson.Write(new CenterListItem(id, p.Name, p.Level, p.ParentId, p.Address, p.Location, p.OpeningHours, p.SelfService24h, p.Functions, CenterCapacity.Of(p))));

    /// <summary>A grid's line, under its center.</summary>
    public static ListingEntry Grid(string id, GridProfile p) => new(
        ListingKind.Grid, id, p.CenterId, null, id, p.Name, [], null, ListingJson.Write(new GridListItem(id, p.Name, p.CenterId)));

    /// <summary>A person's line, on their home grid, tagged with party membership, grid role and skills.</summary>
    public static ListingEntry Volunteer(string id, VolunteerProfile p) => new(
        ListingKind.Volunteer, id, null, null, p.HomeGridId, p.Name,
        [
            ListingTags.Of("party", p.IsPartyMember),
            ListingTags.Of("mobileParty", p.IsMobilePartyMember),
            ListingTags.Of("inServiceParty", p.IsInServicePartyMember),
            ListingTags.Of("role", p.GridRole),
            .. p.Skills.Select(s => ListingTags.Of("skill", s)).Distinct(StringComparer.Ordinal),
        ],
        null,
        ListingJson.Write(new VolunteerListItem(id, p.Name, p.Phone, p.IsPartyMember, p.IsMobilePartyMember, p.IsInServicePartyMember, p.HomeGridId, p.GridRole, p.Skills)));

    /// <summary>A kiosk's line, under its center.</summary>
    public static ListingEntry Kiosk(string id, KioskProfile p) => new(
        ListingKind.Kiosk, id, p.CenterId, null, null, p.Name, [], null, ListingJson.Write(new KioskListItem(id, p.Name, p.CenterId)));

    /// <summary>A help request's line, under its center, ordered by when it falls due.</summary>
    public static ListingEntry HelpRequest(HelpRequestLive r) => new(
        ListingKind.HelpRequest, r.Id, r.CenterId, null, null, r.DueAt is { } due ? Stamp(due) : NoTime,
        [ListingTags.Of("stage", r.Stage), ListingTags.Of("function", r.Function)],
        null,
        ListingJson.Write(new HelpRequestListItem(r.Id, r.CenterId, r.Function, r.Stage, r.OwnerName, r.DueAt, r.EscalatedTo, r.EscalationLevel)));

    /// <summary>An emergency's line, under its home center, ordered by its launch.</summary>
    public static ListingEntry Emergency(EmergencyEntry e) => new(
        ListingKind.Emergency, e.Id, e.HomeCenterId, null, e.HomeGridId, Stamp(e.LaunchedAt),
        [ListingTags.Of("phase", e.Phase), ListingTags.Of("mode", e.Mode), ListingTags.Of("level", e.Level)],
        null,
        ListingJson.Write(e));

    /// <summary>A time as a key that sorts as the time does (UTC, fixed width).</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
