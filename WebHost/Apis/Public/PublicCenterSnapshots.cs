using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Lianxin.WebHost.Apis.Public;

/// <summary>A center's public page as it is sent: the JSON bytes, their ETag, and when they were built.</summary>
public sealed record PublicSnapshot(byte[] Body, string ETag, DateTimeOffset BuiltAt);

/// <summary>
/// Each center's public page, serialized once per build and served as bytes. A page older than
/// <see cref="PublicPageOptions.CacheDuration"/> is rebuilt in the background by the first request that finds it old,
/// while that request and every other one still get the page as it was: once a center has a page, no phone waits for
/// its actors (which are busy with the kiosks' events) and the crowd shown is at most the cache duration plus one build
/// behind. Only the first request for a center builds while it waits, and concurrent first requests share that build.
/// </summary>
public sealed partial class PublicCenterSnapshots(
    PublicCenterPages pages, IOptions<JsonOptions> json, IOptions<PublicPageOptions> options, TimeProvider clock, ILogger<PublicCenterSnapshots> logger)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<PublicSnapshot?>> _first = new(StringComparer.Ordinal);

    /// <summary>The center's page, or null when there is no such center.</summary>
    public async Task<PublicSnapshot?> GetAsync(string id)
    {
        if (_entries.TryGetValue(id, out var entry))
        {
            if (clock.GetUtcNow() - entry.Snapshot.BuiltAt >= options.Value.CacheDuration && Interlocked.Exchange(ref entry.Refreshing, 1) == 0)
            {
                _ = RefreshAsync(id, entry);
            }

            return entry.Snapshot;
        }

        var first = _first.GetOrAdd(id, BuildFirstAsync);
        try
        {
            return await first;
        }
        finally
        {
            _first.TryRemove(KeyValuePair.Create(id, first));
        }
    }

    private async Task<PublicSnapshot?> BuildFirstAsync(string id)
    {
        var built = await BuildAsync(id);
        if (built is not null)
        {
            _entries[id] = new Entry(built);
        }

        return built;
    }

    private async Task RefreshAsync(string id, Entry entry)
    {
        try
        {
            if (await BuildAsync(id) is { } built)
            {
                _entries[id] = new Entry(built);
            }
            else
            {
                _entries.TryRemove(KeyValuePair.Create(id, entry));
            }
        }
        catch (Exception e)
        {
            // The page as it was keeps being served; the next request that finds it old tries again.
            LogRefreshFailed(e, id);
            Volatile.Write(ref entry.Refreshing, 0);
        }
    }

    private async Task<PublicSnapshot?> BuildAsync(string id)
    {
        var at = clock.GetUtcNow();
        if (await pages.CenterAsync(id) is not { } view)
        {
            return null;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(view, json.Value.SerializerOptions);
        return new PublicSnapshot(body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body), 0, 16)}\"", at);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The public page of center {CenterId} could not be rebuilt; the previous one is served meanwhile")]
    private partial void LogRefreshFailed(Exception exception, string centerId);

    private sealed class Entry(PublicSnapshot snapshot)
    {
        public int Refreshing;

        public PublicSnapshot Snapshot { get; } = snapshot;
    }
}
