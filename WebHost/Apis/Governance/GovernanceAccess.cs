using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>
/// Who may see and record governance, on top of <see cref="AccessPolicy"/>: operators and auditors read their
/// region, staff their center (and what lies below it); grid leads and volunteers see no governance. Rating decisions
/// and demonstration picks belong to the level above the center (<see cref="AccessPolicy.CanDecideFor"/>).
/// </summary>
internal static class GovernanceAccess
{
    /// <summary>A center's <c>{id}</c>, as governance refusals name it.</summary>
    public static readonly TargetKind Center = new("center", (scopes, id) => scopes.ForCenterAsync(id));

    /// <summary>A center's <c>{id}</c> taken with everything below it, as governance refusals name it.</summary>
    public static readonly TargetKind Region = new("region", (scopes, id) => scopes.ForCenterAsync(id));

    /// <summary>Runs the handler only for a caller who may read the governance of the target (<see cref="CheckRead"/>).</summary>
    public static RouteHandlerBuilder RequireGovernanceRead(this RouteHandlerBuilder endpoint, TargetKind kind) =>
        endpoint.Require(kind, CheckRead);

    public static bool CanRead(Caller caller, AccessTarget target) =>
        caller.Role is Role.Operator or Role.Auditor or Role.Staff && AccessPolicy.CanRead(caller, target);

    public static bool CanDecide(Caller caller, AccessTarget target) => AccessPolicy.CanDecideFor(caller, target);

    /// <summary>Any caller who may read governance somewhere: for the published rating model.</summary>
    public static bool CanReadModel(Caller caller) => caller.Role is Role.Operator or Role.Auditor or Role.Staff;

    /// <summary>Null when the caller may read the governance of the target; otherwise 404 or 403.</summary>
    public static AccessRefusal? CheckRead(HttpContext http, AccessTarget target, string what) =>
        ApiResults.Check(http, target, what, CanRead, $"Governance of {what} is for operators and auditors of its region and its staff.");

    /// <summary>Null when the caller may record decisions for the target; otherwise 404 or 403.</summary>
    public static AccessRefusal? CheckDecide(HttpContext http, AccessTarget target, string what) =>
        ApiResults.Check(
            http, target, what, CanDecide,
            $"Decisions for {what} belong to the level above it: an operator of a street or district whose region holds it, never its own staff.");
}
