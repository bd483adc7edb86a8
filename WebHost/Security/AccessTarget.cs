namespace Lianxin.WebHost.Security;

/// <summary>
/// What a request touches, resolved to the facts the access rules need: the path from the owning center up
/// to the root, and the grid and person when there are any.
/// </summary>
public sealed record AccessTarget(IReadOnlyList<string> CenterPath, string? GridId = null, string? VolunteerId = null);
