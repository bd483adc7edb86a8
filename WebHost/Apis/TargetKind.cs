using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Apis;

/// <summary>What a route's <c>{id}</c> names, as its refusals call it, and how to find where it hangs in the tree.</summary>
internal sealed record TargetKind(string Noun, Func<ScopeResolver, string, Task<AccessTarget>> ResolveAsync)
{
    public static readonly TargetKind Center = new("Center", (scopes, id) => scopes.ForCenterAsync(id));

    public static readonly TargetKind Grid = new("Grid", (scopes, id) => scopes.ForGridAsync(id));

    public static readonly TargetKind Person = new("Person", (scopes, id) => scopes.ForVolunteerAsync(id));

    /// <summary>A person, as the features that serve volunteers (shifts, orders) name them.</summary>
    public static readonly TargetKind Volunteer = new("Volunteer", (scopes, id) => scopes.ForVolunteerAsync(id));

    public static readonly TargetKind Kiosk = new("Kiosk", (scopes, id) => scopes.ForKioskAsync(id));
}
