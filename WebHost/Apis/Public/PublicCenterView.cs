using Lianxin.Activities;
using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.WebHost.Apis.Public;

/// <summary>
/// A center as anyone may see it, without signing in (服务信息公开): where it is, when it is open, what it offers, how
/// full it is now and was today by hour, and what is coming up with places left. No person appears in it: no staff
/// names, no visitors, no sign-ups, only counts.
/// </summary>
public sealed record PublicCenterView(
    string Id,
    string Name,
    CenterLevel Level,
    string? Address,
    GeoPoint Location,
    OpeningHours OpeningHours,
    bool StaffedNow,
    bool SelfService24h,
    IReadOnlyList<BasicFunction> Functions,
    PublicCrowd Crowd,
    IReadOnlyList<PublicActivity> Upcoming);

/// <summary>The crowd level now; <see cref="OccupancyPercent"/> of its capacity; today's peak of people inside by local hour (null: still to come).</summary>
public sealed record PublicCrowd(CrowdLevel Level, int OccupancyPercent, int Capacity, DateOnly Day, IReadOnlyList<int?> PeakByHour);

/// <summary>An activity coming up at the center, with the places still open (0: full, the waitlist takes sign-ups).</summary>
public sealed record PublicActivity(string Id, string Title, BasicFunction Function, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Room, int Capacity, int PlacesLeft, ActivityAudience Audience);

/// <summary>Centers within walking distance of a point, nearest first.</summary>
public sealed record NearbyCenters(int Minutes, double WalkingMeters, IReadOnlyList<NearbyCenter> Centers);

/// <summary>One center near the point: how far (great-circle) and how many minutes' walk, and how full it is now.</summary>
public sealed record NearbyCenter(
    string Id, string Name, CenterLevel Level, string? Address, GeoPoint Location, int DistanceMeters, int WalkingMinutes, bool SelfService24h, bool StaffedNow, CrowdLevel Crowd);
