using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Hosting;

/// <summary>The kinds of position a center hosts for the mass organisations and the civic-practice network.</summary>
public enum PositionKind
{
    /// <summary>青年之家 (the Youth League's home).</summary>
    YouthHome = 1,
    /// <summary>妇女之家 (the Women's Federation's home).</summary>
    WomensHome = 2,
    /// <summary>职工之家 (the trade union's home).</summary>
    WorkersHome = 3,
    /// <summary>户外劳动者驿站 (a rest station for outdoor workers).</summary>
    OutdoorWorkersStation = 4,
    /// <summary>新时代文明实践站 (a civic-practice station).</summary>
    CivicPracticeStation = 5,
    /// <summary>Any other hosted position, named by <see cref="HostedPosition.Name"/>.</summary>
    Other = 9,
}

/// <summary>
/// A position a center hosts (阵地内的群团阵地): its kind and name, its own staffed hours (which may differ from the
/// center's), the functions it serves and whom to contact (an office or duty number, never a person's own).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.HostedPosition")]
public sealed record HostedPosition(
    [property: Id(0)] string Id,
    [property: Id(1)] PositionKind Kind,
    [property: Id(2)] string Name,
    [property: Id(3)] OpeningHours Hours,
    [property: Id(4)] IReadOnlyList<BasicFunction> Functions,
    [property: Id(5)] string Contact);

/// <summary>
/// A party-led volunteer team (党建+志愿服务队) of a center: its leader and members (person ids). A team is an audience
/// of orders: an order for a team is claimed only by its leader and members.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.VolunteerTeam")]
public sealed record VolunteerTeam(
    [property: Id(0)] string Id,
    [property: Id(1)] string CenterId,
    [property: Id(2)] string Name,
    [property: Id(3)] string LeaderId,
    [property: Id(4)] IReadOnlyList<string> MemberIds)
{
    /// <summary>True for the leader and every member.</summary>
    public bool Includes(string personId) => LeaderId == personId || MemberIds.Contains(personId);
}

/// <summary>What a center hosts: its positions (replaced as a whole) and the ids of its volunteer teams.</summary>
[Alias("Lianxin.ICenterHostingGrain")]
public interface ICenterHostingGrain : IGrainWithStringKey
{
    /// <summary>The center's positions, in the order they were given.</summary>
    [Alias("GetPositions"), ReadOnly]
    Task<IReadOnlyList<HostedPosition>> GetPositionsAsync();

    /// <summary>Replaces the center's positions; durable before it answers.</summary>
    [Alias("SetPositions")]
    Task SetPositionsAsync(IReadOnlyList<HostedPosition> positions);

    /// <summary>The ids of the center's teams, sorted.</summary>
    [Alias("GetTeamIds"), ReadOnly]
    Task<IReadOnlyList<string>> GetTeamIdsAsync();

    /// <summary>Records that a team belongs to the center (idempotent).</summary>
    [Alias("AddTeam")]
    Task AddTeamAsync(string teamId);
}

/// <summary>One volunteer team, keyed by team id. Its center never changes once created.</summary>
[Alias("Lianxin.IVolunteerTeamGrain")]
public interface IVolunteerTeamGrain : IGrainWithStringKey
{
    /// <summary>The team, or null when never created.</summary>
    [Alias("Get"), ReadOnly]
    Task<VolunteerTeam?> GetAsync();

    /// <summary>Creates or replaces the team (and lists it at its center); Conflict when it would move to another center.</summary>
    [Alias("Save")]
    Task<RegistryResult> SaveAsync(VolunteerTeam team);
}
