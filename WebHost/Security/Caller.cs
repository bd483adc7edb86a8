using System.Security.Claims;

namespace Lianxin.WebHost.Security;

/// <summary>
/// The authenticated caller as the access rules see it: a role and the id of its scope. A resident whose phone is linked
/// to their ID card also carries <see cref="Aliases"/>: the person ids they had before the link, which are theirs too.
/// </summary>
public sealed record Caller(string Subject, Role Role, string ScopeId)
{
    public const string RoleClaim = "role";
    public const string ScopeClaim = "scope_id";
    public const string SubjectClaim = "sub";

    /// <summary>How the resident proved who they are (RFC 8176's claim name, with this host's values).</summary>
    public const string MethodClaim = "amr";

    /// <summary>The resident's other person ids (one claim each).</summary>
    public const string AliasClaim = "aliases";

    /// <summary>Signed in at a kiosk that read their ID card.</summary>
    public const string ByIdCard = "idCard";

    /// <summary>Signed in with a code sent to their phone.</summary>
    public const string ByPhoneCode = "phoneCode";

    /// <summary>The resident's other person ids, besides <see cref="ScopeId"/>; empty for every other role.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary><see cref="ByIdCard"/> or <see cref="ByPhoneCode"/> for a resident's token; null for a token that does not say.</summary>
    public string? SignedInBy { get; init; }

    /// <summary>The role as the API and the audit log name it.</summary>
    public string RoleName => Apis.EnumNames.Of(Role);

    /// <summary>Who did something, as histories record it: the person (token subject) and the role they acted in.</summary>
    public string Actor => $"{RoleName}:{Subject}";

    /// <summary>The scope id and then the aliases: every person id whose things are the caller's.</summary>
    public IReadOnlyList<string> PersonIds => [ScopeId, .. Aliases];

    /// <summary>True when the caller is a volunteer or resident acting as the person <paramref name="personId"/>.</summary>
    public bool IsPerson(string personId) => Role is Role.Volunteer or Role.Resident && SpeaksFor(personId);

    /// <summary>True when the caller is the resident <paramref name="personId"/>.</summary>
    public bool IsResident(string? personId) => Role == Role.Resident && SpeaksFor(personId);

    /// <summary>True when <paramref name="personId"/> is the caller's scope id or one of its aliases.</summary>
    public bool SpeaksFor(string? personId) => personId is not null && (ScopeId == personId || Aliases.Contains(personId, StringComparer.Ordinal));

    /// <summary>Null when the principal lacks a known role or a scope: such a token grants nothing.</summary>
    public static Caller? From(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(RoleClaim);
        var scope = user.FindFirstValue(ScopeClaim);
        return Apis.EnumNames.TryParse<Role>(role, out var parsed) && !string.IsNullOrEmpty(scope)
            ? new Caller(user.FindFirstValue(SubjectClaim) ?? scope, parsed, scope)
            {
                // Only this host's resident sign-in issues aliases: on a token of any other role they grant nothing.
                Aliases = parsed == Role.Resident ? [.. user.FindAll(AliasClaim).Select(c => c.Value).Where(a => a.Length > 0 && a != scope)] : [],
                SignedInBy = user.FindFirstValue(MethodClaim),
            }
            : null;
    }
}
