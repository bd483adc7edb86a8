using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>A place residents can walk to for service.</summary>
public sealed record ServiceSite(string Id, string Name, ServiceSiteKind Kind, GeoPoint Location);
