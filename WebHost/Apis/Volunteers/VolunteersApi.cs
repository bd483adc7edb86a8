using Lianxin.Volunteers;
using Lianxin.WebHost.Apis.Registry;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>The people registry: <c>/api/v1/volunteers</c>.</summary>
public static class VolunteersApi
{
    public static RouteGroupBuilder MapVolunteersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/volunteers").WithTags("Volunteers").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapGet("/{id}", GetAsync).WithSummary("A person: registry facts and live status.").RequireRead(TargetKind.Person);
        // A new person's access follows from its body (their home grid), so the handler checks it after validating the body.
        group.MapPost("/", CreateAsync).WithSummary("Create a person on their home grid's roster.");
        group.MapPut("/{id}", UpdateAsync).WithSummary("Replace a person's facts (a new home grid moves them between rosters).")
            .RequireWrite(TargetKind.Person);
        return group;
    }

    private static async Task<Ok<VolunteerSnapshot>> GetAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var person = await grains.GetGrain<IVolunteerGrain>(id).GetAsync();
        return TypedResults.Ok(person is null ? null : PersonalDataViews.For(Caller.From(http.User)!, person));
    }

    private static async Task<Results<Created<VolunteerSnapshot>, ValidationProblem, AccessRefusal, StateRefusal>> CreateAsync(
        VolunteerRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var id = v.Id("id", request.Id);
        var profile = request.ToProfile(v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        if (ApiResults.CheckWrite(http, await scopes.ForGridAsync(profile.HomeGridId), $"Grid '{profile.HomeGridId}'") is { } refusal)
        {
            return refusal;
        }

        var person = grains.GetGrain<IVolunteerGrain>(id);
        if (ApiResults.Refusal(await person.CreateAsync(profile)) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, "volunteer.created", $"volunteer:{id}", await scopes.ForVolunteerAsync(id));
        return TypedResults.Created($"/api/v1/volunteers/{id}", await person.GetAsync());
    }

    private static async Task<Results<Ok<VolunteerSnapshot>, ValidationProblem, AccessRefusal, StateRefusal>> UpdateAsync(
        string id, VolunteerRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        v.SamePathId(request.Id, id);

        var profile = request.ToProfile(v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        if (ApiResults.CheckWrite(http, await scopes.ForGridAsync(profile.HomeGridId), $"Grid '{profile.HomeGridId}'") is { } refusal)
        {
            return refusal;
        }

        var person = grains.GetGrain<IVolunteerGrain>(id);
        if (ApiResults.Refusal(await person.UpdateAsync(profile)) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, "volunteer.updated", $"volunteer:{id}", await scopes.ForVolunteerAsync(id));
        return TypedResults.Ok(await person.GetAsync());
    }
}
