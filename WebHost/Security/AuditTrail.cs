using Lianxin.Audit;

namespace Lianxin.WebHost.Security;

/// <summary>Records what a caller did in the audit log, with who, when, why and from where.</summary>
public sealed class AuditTrail(IGrainFactory grains, TimeProvider clock)
{
    public async Task RecordAsync(
        HttpContext http, string action, string subject, AccessTarget target, string? reason = null, string? details = null, string? key = null)
    {
        var caller = Caller.From(http.User);
        var path = target.CenterPath.Count == 0 ? "/" : $"/{string.Join('/', target.CenterPath.Reverse())}/";
        await grains.GetGrain<IAuditGrain>(0).RecordAsync(new AuditRecord(
            clock.GetUtcNow(),
            caller?.Subject ?? "anonymous",
            caller is null ? "none" : Apis.EnumNames.Of(caller.Role),
            action,
            subject,
            reason,
            http.Connection.RemoteIpAddress?.ToString(),
            details,
            path,
            key));

        // Every audited change is one the region reports may show: whoever made it sees it at once on this host.
        await Limits.ReportCache.EvictAsync(http);
    }
}
