using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Live;

/// <summary>
/// What one feed shows, and how it changes from one message to the next. Publishes land as pending changes; a cut
/// turns them into one numbered version-2 patch that sends only the fields that changed (<see cref="LiveMergePatch"/>),
/// written once as JSON text, and adds the changed items to the next version-1 delta, which replaces each whole and
/// goes out less often (<see cref="CutDelta"/>). The snapshot is the picture as of the last cut of both, so it always
/// matches its two sequence numbers and the messages after them.
/// A region's picture also sums its centers' cards into the region's totals at each cut: no report up the tree
/// stands between a center's change and its region's figures.
/// </summary>
public sealed class LivePicture
{
    private readonly string _scope;
    private readonly string? _regionKey;
    private readonly Dictionary<string, object> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CenterActivityFigures Figures, DateTimeOffset AsOf)> _activity = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (object Item, JsonNode? Json)> _cut = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _deltaItems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deltaRemoved = new(StringComparer.Ordinal);

    public LivePicture(string scope)
    {
        _scope = scope;
        if (LiveScope.TryParse(scope, out var kind, out var id) && kind == LiveScope.RegionKind)
        {
            _regionKey = LiveItemKeys.Center(id);
        }
    }

    /// <summary>Changes published since the last patch.</summary>
    public bool HasChanges => _changed.Count > 0 || _removed.Count > 0;

    /// <summary>Changes patched since the last version-1 delta.</summary>
    public bool HasDeltaChanges => _deltaItems.Count > 0 || _deltaRemoved.Count > 0;

    /// <summary>The items as of the last cut.</summary>
    public IReadOnlyDictionary<string, object> Items => _cut.ToDictionary(e => e.Key, e => e.Value.Item, StringComparer.Ordinal);

    /// <summary>The picture a feed starts from: it is the state as of the feed's first sequence number.</summary>
    public void Seed(IReadOnlyDictionary<string, object> items, DateTimeOffset now)
    {
        foreach (var (key, item) in items)
        {
            _latest[key] = item;
            _cut[key] = (item, null);
        }

        if (Totals(now) is { } totals)
        {
            _latest[LiveItemKeys.Summary] = totals;
            _cut[LiveItemKeys.Summary] = (totals, null);
        }
    }

    /// <summary>Replaces an item; false when it is older than the held version (<see cref="ILiveItem.AsOf"/>).</summary>
    public bool Publish(string key, object item)
    {
        if (item is ILiveItem fresh && _latest.TryGetValue(key, out var held) && held is ILiveItem current && fresh.AsOf < current.AsOf)
        {
            return false;
        }

        _latest[key] = item;
        _removed.Remove(key);
        _changed.Add(key);
        return true;
    }

    /// <summary>A center's activity figures; false when older than the held ones or when the feed shows no such center.</summary>
    public bool PublishActivity(string centerId, CenterActivityFigures figures, DateTimeOffset asOf)
    {
        var key = LiveItemKeys.Center(centerId);
        if (_activity.TryGetValue(key, out var held) && asOf < held.AsOf)
        {
            return false;
        }

        _activity[key] = (figures, asOf);
        if (!_latest.ContainsKey(key))
        {
            return false;
        }

        _changed.Add(key);
        return true;
    }

    public bool Remove(string key)
    {
        _activity.Remove(key);
        if (!_latest.Remove(key))
        {
            return false;
        }

        _changed.Remove(key);
        _removed.Add(key);
        return true;
    }

    /// <summary>
    /// The pending changes as patch <paramref name="sequence"/>, or null when none of them changes what a client
    /// sees (a republished card that differs only in its time), in which case the number stays unused. The changed
    /// items wait for the next version-1 delta.
    /// </summary>
    public LivePatch? CutPatch(long sequence, DateTimeOffset now)
    {
        if (_regionKey is not null && _changed.Concat(_removed).Any(k => k.StartsWith(CenterPrefix, StringComparison.Ordinal)) && Totals(now) is { } totals)
        {
            Publish(LiveItemKeys.Summary, totals);
        }

        var changed = false;
        var items = new List<(string Key, JsonNode? Json)>();
        var patches = new List<(string Key, JsonObject Patch)>();
        foreach (var key in _changed)
        {
            var item = Current(key);
            var json = JsonSerializer.SerializeToNode(item, item.GetType(), LiveJson.Options);
            if (_cut.TryGetValue(key, out var before))
            {
                var outcome = LiveMergePatch.Diff(before.Json ?? JsonSerializer.SerializeToNode(before.Item, before.Item.GetType(), LiveJson.Options), json, out var patch);
                if (outcome == LiveMergePatch.Outcome.Patch)
                {
                    patches.Add((key, patch!));
                }
                else if (outcome == LiveMergePatch.Outcome.Whole)
                {
                    items.Add((key, json));
                }

                if (outcome != LiveMergePatch.Outcome.Unchanged)
                {
                    changed = true;
                    ForNextDelta(key, item);
                }
            }
            else
            {
                items.Add((key, json));
                changed = true;
                ForNextDelta(key, item);
            }

            _cut[key] = (item, json);
        }

        List<string> removed = [.. _removed.Where(_cut.Remove)];
        foreach (var key in removed)
        {
            _deltaItems.Remove(key);
            _deltaRemoved.Add(key);
        }

        _changed.Clear();
        _removed.Clear();
        return !changed && removed.Count == 0 ? null : new LivePatch(_scope, sequence, Version2(sequence, now, items, patches, removed));
    }

    /// <summary>
    /// Everything patched since the last delta as version-1 delta <paramref name="sequence"/>, each item whole as of its
    /// last patch, or null when nothing was. An item that came and went in between is only named as removed.
    /// </summary>
    public LiveDelta? CutDelta(long sequence)
    {
        if (!HasDeltaChanges)
        {
            return null;
        }

        var delta = new LiveDelta(_scope, sequence, new Dictionary<string, object>(_deltaItems, StringComparer.Ordinal), [.. _deltaRemoved]);
        _deltaItems.Clear();
        _deltaRemoved.Clear();
        return delta;
    }

    private const string CenterPrefix = "center:";

    private void ForNextDelta(string key, object item)
    {
        _deltaItems[key] = item;
        _deltaRemoved.Remove(key);
    }

    /// <summary>The item as clients see it: a center's card carries the freshest activity figures the feed holds.</summary>
    private object Current(string key)
    {
        var item = _latest[key];
        if (item is not CenterCard card || !_activity.TryGetValue(key, out var activity))
        {
            return item;
        }

        var figures = activity.Figures;
        return card with
        {
            Live = card.Live with
            {
                PeopleInside = figures.PeopleInside,
                CheckInsTodayByFunction = figures.CheckInsTodayByFunction,
                OpenHelpRequests = figures.OpenHelpRequests,
                KiosksOnline = figures.KiosksOnline,
            },
            AsOf = activity.AsOf > card.AsOf ? activity.AsOf : card.AsOf,
        };
    }

    /// <summary>A region's totals, summed from the cards of every center it shows; null when its own card is missing.</summary>
    private RegionSummary? Totals(DateTimeOffset now)
    {
        if (_regionKey is null || !_latest.ContainsKey(_regionKey) || Current(_regionKey) is not CenterCard root)
        {
            return null;
        }

        var levels = new Dictionary<CenterLevel, int>();
        var checkIns = new Dictionary<BasicFunction, int>();
        int people = 0, onDuty = 0, help = 0, kiosks = 0;
        foreach (var key in _latest.Keys)
        {
            if (!key.StartsWith(CenterPrefix, StringComparison.Ordinal) || Current(key) is not CenterCard card)
            {
                continue;
            }

            levels[card.Level] = levels.GetValueOrDefault(card.Level) + 1;
            foreach (var (function, count) in card.Live.CheckInsTodayByFunction)
            {
                checkIns[function] = checkIns.GetValueOrDefault(function) + count;
            }

            (people, onDuty, help, kiosks) = (people + card.Live.PeopleInside, onDuty + card.Live.VolunteersOnDuty,
                help + card.Live.OpenHelpRequests, kiosks + card.Live.KiosksOnline);
        }

        return new RegionSummary(root.Id, root.Name, root.Level, new SubtreeSummary(levels, people, onDuty, help, kiosks, checkIns), now);
    }

    /// <summary>The delta in live protocol version 2 (docs/live-protocol.md), written once for every web host and connection.</summary>
    private string Version2(
        long sequence, DateTimeOffset now, List<(string Key, JsonNode? Json)> items, List<(string Key, JsonObject Patch)> patches, List<string> removed)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("scope", _scope);
            writer.WriteNumber("sequence", sequence);
            writer.WriteString("asOf", now);
            writer.WriteStartObject("items");
            foreach (var (key, json) in items)
            {
                writer.WritePropertyName(key);
                if (json is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    json.WriteTo(writer, LiveJson.Options);
                }
            }

            writer.WriteEndObject();
            writer.WriteStartObject("patches");
            foreach (var (key, patch) in patches)
            {
                writer.WritePropertyName(key);
                patch.WriteTo(writer, LiveJson.Options);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("removed");
            foreach (var key in removed)
            {
                writer.WriteStringValue(key);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
