using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Lists;

/// <summary>
/// Where a list may look for a caller: a subtree (operators, auditors, staff), one grid (a grid lead), one person (a
/// volunteer), optionally narrowed by the <c>region</c> or <c>grid</c> the request names, which must be in reach:
/// the same rules as reading one thing (<see cref="AccessPolicy.CanRead"/>), so a list never shows what a read refuses.
/// </summary>
public sealed record ListScope(string? WithinCenterId, string? GridId, string? OnlyId, string? AncestorsOf = null)
{
    /// <summary>Lists of things that belong to centers (centers, kiosks, help requests): operators, auditors and staff.</summary>
    internal static async Task<(ListScope? Scope, AccessRefusal? Refusal)> OfCentersAsync(HttpContext http, ScopeResolver scopes, string? region)
    {
        var caller = Caller.From(http.User)!;
        if (caller.Role is not (Role.Operator or Role.Auditor or Role.Staff))
        {
            return (null, ApiResults.Forbidden("This list is for operators, auditors and center staff."));
        }

        return await InRegionAsync(http, scopes, caller, region);
    }

    /// <summary>Grids: as <see cref="OfCentersAsync"/>, and a grid lead sees their own grid.</summary>
    internal static async Task<(ListScope? Scope, AccessRefusal? Refusal)> OfGridsAsync(HttpContext http, ScopeResolver scopes, string? region)
    {
        var caller = Caller.From(http.User)!;
        return caller.Role == Role.GridLead && region is null
            ? (new ListScope(null, caller.ScopeId, null), null)
            : await OfCentersAsync(http, scopes, region);
    }

    /// <summary>People: a subtree or a grid in reach; a grid lead their grid; a volunteer themselves.</summary>
    internal static async Task<(ListScope? Scope, AccessRefusal? Refusal)> OfPeopleAsync(HttpContext http, ScopeResolver scopes, string? region, string? grid)
    {
        var caller = Caller.From(http.User)!;
        if (caller.Role == Role.Volunteer)
        {
            return region is null && grid is null
                ? (new ListScope(null, null, caller.ScopeId), null)
                : (null, ApiResults.Forbidden("A volunteer's list holds themselves only."));
        }

        if (grid is not null)
        {
            return ApiResults.CheckRead(http, await scopes.ForGridAsync(grid), $"Grid '{grid}'") is { } refusal
                ? (null, refusal)
                : (new ListScope(null, grid, null), null);
        }

        return caller.Role == Role.GridLead && region is null
            ? (new ListScope(null, caller.ScopeId, null), null)
            : await OfCentersAsync(http, scopes, region);
    }

    /// <summary>
    /// Emergencies: those launched in the caller's subtree and above it (a district's emergency is every street's),
    /// as <see cref="AccessPolicy.CanFollowEmergency"/> decides from the home center; a grid lead those launched in their grid.
    /// </summary>
    internal static async Task<(ListScope? Scope, AccessRefusal? Refusal)> OfEmergenciesAsync(HttpContext http, ScopeResolver scopes)
    {
        var caller = Caller.From(http.User)!;
        if (caller.Role == Role.GridLead)
        {
            return (new ListScope(null, caller.ScopeId, null), null);
        }

        var (scope, refusal) = await OfCentersAsync(http, scopes, null);
        return (scope is null ? null : scope with { AncestorsOf = scope.WithinCenterId }, refusal);
    }

    private static async Task<(ListScope? Scope, AccessRefusal? Refusal)> InRegionAsync(HttpContext http, ScopeResolver scopes, Caller caller, string? region)
    {
        if (region is null || region == caller.ScopeId)
        {
            return (new ListScope(caller.ScopeId, null, null), null);
        }

        return ApiResults.CheckRead(http, await scopes.ForCenterAsync(region), $"Center '{region}'") is { } refusal
            ? (null, refusal)
            : (new ListScope(region, null, null), null);
    }
}
