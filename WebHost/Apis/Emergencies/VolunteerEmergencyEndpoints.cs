using Lianxin.Centers;
using Lianxin.Emergencies;
using Lianxin.Grids;
using Lianxin.Volunteers;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// A person's own side of emergencies: <c>GET /api/v1/volunteers/{id}/alerts</c>, their messages with reply tokens, and
/// <c>GET /api/v1/volunteers/{id}/mobilization</c>, what their page shows next to the alerts. Their home
/// grid by name, and for every emergency that sent them a message its phase and their own answer and post, so a page
/// opened again still says what they answered and whether a post they were asked for is still theirs.
/// </summary>
internal static class VolunteerEmergencyEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/volunteers/{id}/alerts", GetAlertsAsync).WithTags("Emergencies").RequireAuthorization(AuthConfiguration.AnyRolePolicy)
            .WithSummary("A person's messages from live emergencies, with their reply tokens: what their page shows.")
            .RequireRead(TargetKind.Person);
        app.MapGet("/api/v1/volunteers/{id}/mobilization", GetAsync).WithTags("Emergencies").RequireAuthorization(AuthConfiguration.AnyRolePolicy)
            .WithSummary("A person's home grid by name and their own answer, post and the phase of every emergency that alerted them.")
            .RequireRead(TargetKind.Person);
    }

    private static async Task<Ok<IReadOnlyList<VolunteerAlert>>> GetAlertsAsync(string id, HttpContext http, IGrainFactory grains)
    {
        // Reply tokens are the person's own: whoever else may read the person (their grid lead, staff, an operator, an
        // auditor) sees the messages without them.
        var alerts = await grains.GetGrain<IVolunteerGrain>(id).GetAlertsAsync();
        var caller = Caller.From(http.User)!;
        return TypedResults.Ok(caller.Role == Role.Volunteer && caller.ScopeId == id ? alerts : [.. alerts.Select(a => a with { Token = null })]);
    }

    private static async Task<Ok<VolunteerMobilization>> GetAsync(string id, IGrainFactory grains)
    {
        var person = grains.GetGrain<IVolunteerGrain>(id);
        var profile = (await person.GetAsync())!.Profile;
        var grid = await grains.GetGrain<IGridGrain>(profile.HomeGridId).GetAsync();
        var center = grid is null ? null : await grains.GetGrain<ICenterGrain>(grid.Profile.CenterId).GetAsync();
        var emergencyIds = (await person.GetAlertsAsync()).Select(a => a.EmergencyId).Distinct(StringComparer.Ordinal);
        var lines = await Task.WhenAll(emergencyIds.Select(emergencyId => LineAsync(grains.GetGrain<IEmergencyGrain>(emergencyId), id)));
        return TypedResults.Ok(new VolunteerMobilization(
            id, profile.HomeGridId, grid?.Profile.Name, center?.Profile.Name, [.. lines.OfType<MobilizationLine>()]));
    }

    private static async Task<MobilizationLine?> LineAsync(IEmergencyGrain emergency, string volunteerId)
    {
        if (await emergency.GetAsync() is not { } view)
        {
            return null;
        }

        var person = await emergency.GetPersonAsync(volunteerId);
        var answer = person?.History.LastOrDefault(h => IsAnswer(h.Status));
        var post = person?.PostId is { } postId ? view.Definition.Launch.Posts.FirstOrDefault(p => p.Id == postId) : null;
        return new MobilizationLine(
            view.Definition.Id, view.Definition.Launch.Name, view.Phase, person?.Status, answer?.At, answer?.OnBehalf ?? false, post?.Id, post?.Name);
    }

    private static bool IsAnswer(RollCallStatus status) => status is not (RollCallStatus.Unknown or RollCallStatus.Notified);
}

/// <summary>A person's home grid by name, and where they stand in every emergency that sent them a message.</summary>
public sealed record VolunteerMobilization(
    string VolunteerId, string HomeGridId, string? HomeGridName, string? HomeCenterName, IReadOnlyList<MobilizationLine> Emergencies);

/// <summary>
/// One emergency as its person sees it: its phase; their status (null when they are not on its roll-call, as a grid lead
/// told about their grid may not be); when they last answered and whether someone answered for them; the post they
/// hold (asked and neither declined nor expired), if any.
/// </summary>
public sealed record MobilizationLine(
    string EmergencyId, string Name, EmergencyPhase Phase, RollCallStatus? Status, DateTimeOffset? AnsweredAt, bool AnsweredOnBehalf,
    string? PostId, string? PostName);
