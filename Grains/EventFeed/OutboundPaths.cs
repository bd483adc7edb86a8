namespace Lianxin.EventFeed;

/// <summary>How a center's place in the tree is written on each event: <c>/center/parent/…/root/</c>, searched by <c>/region/</c>.</summary>
public static class OutboundPaths
{
    public static string Of(IReadOnlyList<string> pathToRoot, string centerId) =>
        pathToRoot.Count == 0 ? $"/{centerId}/" : $"/{string.Join('/', pathToRoot)}/";

    public static string Within(string regionId) => $"/{regionId}/";
}
