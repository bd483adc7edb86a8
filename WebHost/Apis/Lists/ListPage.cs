namespace Lianxin.WebHost.Apis.Lists;

/// <summary>A page of a registry list: its items and the cursor of the next page (null on the last).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? Next);
