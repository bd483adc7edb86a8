using Lianxin.HelpRequests;
using Lianxin.WebHost.Apis.HelpRequests;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>Help request tickets and their closed loop: <c>/api/v1/help-requests</c>.</summary>
public static class HelpRequestsApi
{
    public static RouteGroupBuilder MapHelpRequestsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/help-requests").WithTags("Help requests").RequireAuthorization(AuthConfiguration.AnyRoleOrResidentPolicy);
        group.MapGet("/{id}", GetAsync).WithSummary("A help request: center, function, description, owner and state.").RequireHelpRequestRead();
        HelpRequestEndpoints.Map(group);
        OrderEndpoints.Map(group);
        return group;
    }

    private static async Task<Ok<HelpRequestTicket>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(Masked(await grains.GetGrain<IHelpRequestGrain>(id).GetAsync())!);

    /// <summary>A kiosk may have named the person by phone or ID-card number: the ticket shows it masked.</summary>
    internal static HelpRequestTicket? Masked(HelpRequestTicket? ticket) =>
        ticket?.PersonId is { } personId ? ticket with { PersonId = PersonalData.MaskPersonId(personId) } : ticket;
}
