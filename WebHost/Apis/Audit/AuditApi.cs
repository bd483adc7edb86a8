using Lianxin.Audit;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary><c>GET /api/v1/audit</c>: the audit log of the caller's region, for auditors and operators.</summary>
public static class AuditApi
{
    private const int MaxLimit = 1000;

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapGet("/", QueryAsync)
            .WithSummary("Audit entries of the caller's region, newest first, by time window, actor and subject prefix.");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, ValidationProblem, ForbiddenProblem>> QueryAsync(
        HttpContext http, IGrainFactory grains, DateTimeOffset? from, DateTimeOffset? to, string? actor, string? subject, int? limit)
    {
        if (Caller.From(http.User) is not { Role: Role.Auditor or Role.Operator } caller)
        {
            return ApiResults.Forbidden("The audit log is for auditors and operators.");
        }

        var v = new Validation();
        if (limit is < 1 or > MaxLimit)
        {
            v.Add("limit", $"Must be between 1 and {MaxLimit}.");
        }

        if (from > to)
        {
            v.Add("from", "Must not be after 'to'.");
        }

        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var records = await grains.GetGrain<IAuditGrain>(0).QueryAsync(new AuditQuery(from, to, actor, subject, limit ?? 100, caller.ScopeId));
        return TypedResults.Ok(records);
    }
}
