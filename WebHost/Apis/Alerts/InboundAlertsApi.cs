using Lianxin.Emergencies;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Apis.Alerts;

/// <summary>
/// Warnings in: <c>POST /api/v1/alerts/inbound</c> takes a CAP 1.2 document from a configured source (its own key in
/// <c>X-Source-Key</c>), validated against the OASIS schema; the launches it proposes are listed, confirmed with one
/// key or dismissed under <c>/api/v1/alerts/proposals</c>.
/// </summary>
public static class InboundAlertsApi
{
    public const string SourceKeyHeader = "X-Source-Key";

    public static RouteGroupBuilder MapInboundAlertsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alerts").WithTags("Inbound warnings");
        group.MapPost("/inbound", ReceiveAsync).AllowAnonymous()
            .WithSummary("A CAP 1.2 warning from a configured source (X-Source-Key). Alerts match the scenarios' rules; Updates and Cancels follow what they reference; a repeat is answered duplicate.")
            .Accepts<string>("application/xml", "application/cap+xml", "text/xml")
            .Produces<InboundOutcome>();
        var proposals = group.MapGroup("/proposals").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        proposals.MapGet("/", ListAsync).WithSummary("The launches inbound warnings proposed that you may follow, newest first.");
        proposals.MapPost("/{id}/confirm", ConfirmAsync).WithSummary("One-key confirmation: launches the proposed scenario (again: the same emergency).")
            .Require(MayCommandAsync);
        proposals.MapPost("/{id}/dismiss", DismissAsync).WithSummary("Decide not to launch.").Require(MayCommandAsync);
        return group;
    }

    private static async Task<Results<Ok<InboundOutcome>, ValidationProblem, UnauthenticatedProblem, ForbiddenProblem>> ReceiveAsync(
        HttpContext http, IOptions<InboundAlertOptions> options, IGrainFactory grains, AuditTrail audit)
    {
        if (options.Value.SourceOfKey(http.Request.Headers[SourceKeyHeader].ToString()) is not { } source)
        {
            return ApiResults.Unauthenticated($"Send the source's own key in the {SourceKeyHeader} header.");
        }

        using var reader = new StreamReader(http.Request.Body);
        var (alert, errors) = CapReader.Read(await reader.ReadToEndAsync(http.RequestAborted), source.Id);
        if (alert is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cap"] = [.. errors] }, detail: "Not a valid CAP 1.2 document: nothing was changed.");
        }

        if (source.Senders.Count > 0 && !source.Senders.Contains(alert.Sender, StringComparer.Ordinal))
        {
            return ApiResults.Forbidden($"Source '{source.Id}' may not send as '{alert.Sender}'.");
        }

        var outcome = await grains.GetGrain<IInboundAlertGrain>(alert.Key).ReceiveAsync(alert);
        if (!outcome.Duplicate)
        {
            await audit.RecordAsync(http, AuditActions.InboundAlertReceived, $"cap:{alert.Key}", new AccessTarget([]),
                details: $"source={source.Id}; msgType={alert.MsgType}; event={alert.Event}; matches={outcome.Matches.Count}; followed={outcome.FollowedEmergencies.Count}");
        }

        return TypedResults.Ok(outcome);
    }

    private static async Task<Ok<AlertProposal[]>> ListAsync(HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var caller = Caller.From(http.User)!;
        var visible = new List<AlertProposal>();
        foreach (var proposal in await grains.GetGrain<IAlertProposalsGrain>(0).ListAsync())
        {
            if (AccessPolicy.CanRead(caller, await scopes.ForCenterAsync(proposal.HomeCenterId)))
            {
                visible.Add(proposal);
            }
        }

        return TypedResults.Ok(visible.ToArray());
    }

    private static async Task<Results<Created<EmergencyView>, Ok<EmergencyView>, StateRefusal, UnprocessableProblem>> ConfirmAsync(
        string id, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var decision = await grains.GetGrain<IAlertProposalsGrain>(0).ConfirmAsync(id, Caller.From(http.User)!.Subject);
        if (decision is { Outcome: ProposalOutcome.Done, Launch.Outcome: LaunchOutcome.Launched })
        {
            await audit.RecordAsync(http, AuditActions.EmergencyLaunched, $"emergency:{decision.Proposal!.EmergencyId}", http.Target(),
                details: $"proposal={id}; alert={decision.Proposal.AlertKey}; scenario={decision.Proposal.ScenarioId}");
        }

        return ApiResults.KindOf(decision.Outcome) switch
        {
            null when decision.Launch!.Outcome == LaunchOutcome.Launched =>
                TypedResults.Created($"/api/v1/emergencies/{decision.Proposal!.EmergencyId}", decision.Launch.Emergency),
            null => TypedResults.Ok(decision.Launch!.Emergency),
            ProblemKind.Unprocessable => ApiResults.Unprocessable(decision.Detail),
            var kind => ApiResults.State(kind.Value, decision.Detail),
        };
    }

    private static async Task<Results<Ok<AlertProposal>, StateRefusal, UnprocessableProblem>> DismissAsync(string id, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var decision = await grains.GetGrain<IAlertProposalsGrain>(0).DismissAsync(id, Caller.From(http.User)!.Subject);
        if (decision.Outcome == ProposalOutcome.Done)
        {
            await audit.RecordAsync(http, AuditActions.ProposalDismissed, $"proposal:{id}", http.Target(), details: $"alert={decision.Proposal!.AlertKey}");
        }

        return ApiResults.KindOf(decision.Outcome) switch
        {
            null => TypedResults.Ok(decision.Proposal),
            ProblemKind.Unprocessable => ApiResults.Unprocessable(decision.Detail),
            var kind => ApiResults.State(kind.Value, decision.Detail),
        };
    }

    /// <summary>
    /// Confirming and dismissing: the operator whose region holds the proposal's home, as for commanding an emergency. The
    /// check leaves the home to the handler as the target (<see cref="AccessFilters.Target"/>).
    /// </summary>
    private static async Task<AccessRefusal?> MayCommandAsync(HttpContext http, string id)
    {
        var proposal = (await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IAlertProposalsGrain>(0).ListAsync())
            .FirstOrDefault(p => p.Id == id);
        if (proposal is null)
        {
            return ApiResults.NotFound($"Proposal '{id}' does not exist.");
        }

        var home = await http.RequestServices.GetRequiredService<ScopeResolver>().ForCenterAsync(proposal.HomeCenterId);
        if (!AccessPolicy.CanCommandEmergency(Caller.From(http.User)!, home))
        {
            return ApiResults.Forbidden("Only an operator whose region holds the proposal's scenario may confirm or dismiss it.");
        }

        http.Items[typeof(AccessTarget)] = home;
        return null;
    }
}
