using System.Security.Claims;

namespace Lianxin.WebHost.Security;

/// <summary>The authenticated caller as the access rules see it: a role and the id of its scope.</summary>
public sealed record Caller(string Subject, Role Role, string ScopeId)
{
    public const string RoleClaim = "role";
    public const string ScopeClaim = "scope_id";
    public const string SubjectClaim = "sub";

    /// <summary>The role as the API and the audit log name it.</summary>
    public string RoleName => Apis.EnumNames.Of(Role);

    /// <summary>Who did something, as histories record it: the person (token subject) and the role they acted in.</summary>
    public string Actor => $"{RoleName}:{Subject}";

    /// <summary>True when the caller is a volunteer or resident acting as the person <paramref name="personId"/>.</summary>
    public bool IsPerson(string personId) => Role is Role.Volunteer or Role.Resident && ScopeId == personId;

    /// <summary>True when the caller is the resident <paramref name="personId"/>.</summary>
    public bool IsResident(string? personId) => Role == Role.Resident && personId is not null && ScopeId == personId;

    /// <summary>Null when the principal lacks a known role or a scope: such a token grants nothing.</summary>
    public static Caller? From(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(RoleClaim);
        var scope = user.FindFirstValue(ScopeClaim);
        return Apis.EnumNames.TryParse<Role>(role, out var parsed) && !string.IsNullOrEmpty(scope)
            ? new Caller(user.FindFirstValue(SubjectClaim) ?? scope, parsed, scope)
            : null;
    }
}
