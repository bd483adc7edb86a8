using System.Text.Json.Nodes;

namespace Lianxin.Live;

/// <summary>
/// The change from one version of a live item to the next as a JSON merge patch (RFC 7386): the members that
/// changed, nested objects patched member by member, everything else (numbers, strings, arrays) replaced. A merge
/// patch cannot set a member to null (null deletes it), so a change to a null value is sent as the whole item.
/// The item's own <c>asOf</c> is not a change: the delta says when it was cut.
/// </summary>
public static class LiveMergePatch
{
    public const string AsOfMember = "asOf";

    /// <summary>What a diff found: nothing, a patch, or a change only the whole item can carry.</summary>
    public enum Outcome
    {
        Unchanged,
        Patch,
        Whole,
    }

    /// <summary>Compares two versions of an item; <paramref name="patch"/> is set when the outcome is <see cref="Outcome.Patch"/>.</summary>
    public static Outcome Diff(JsonNode? before, JsonNode? after, out JsonObject? patch)
    {
        patch = null;
        if (before is not JsonObject old || after is not JsonObject current)
        {
            return JsonNode.DeepEquals(before, after) ? Outcome.Unchanged : Outcome.Whole;
        }

        return DiffObjects(old, current, topLevel: true, out patch);
    }

    /// <summary>Applies a merge patch to a copy of <paramref name="target"/> (RFC 7386 section 2): the client's rule.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject held ? (JsonObject)held.DeepClone() : [];
        foreach (var (name, value) in members)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }

    private static Outcome DiffObjects(JsonObject before, JsonObject after, bool topLevel, out JsonObject? patch)
    {
        patch = null;
        foreach (var (name, _) in before)
        {
            if (!after.ContainsKey(name) && !(topLevel && name == AsOfMember))
            {
                // A member that went away (a day's count reset): null deletes it.
                (patch ??= [])[name] = null;
            }
        }

        foreach (var (name, value) in after)
        {
            if (topLevel && name == AsOfMember)
            {
                continue;
            }

            if (value is null)
            {
                if (!before.TryGetPropertyValue(name, out var was) || was is not null)
                {
                    return Outcome.Whole;
                }

                continue;
            }

            var held = before.TryGetPropertyValue(name, out var h) ? h : null;
            if (held is JsonObject heldObject && value is JsonObject valueObject)
            {
                switch (DiffObjects(heldObject, valueObject, topLevel: false, out var nested))
                {
                    case Outcome.Whole:
                        return Outcome.Whole;
                    case Outcome.Patch:
                        (patch ??= [])[name] = nested;
                        break;
                }
            }
            else if (!JsonNode.DeepEquals(held, value))
            {
                (patch ??= [])[name] = value.DeepClone();
            }
        }

        return patch is null ? Outcome.Unchanged : Outcome.Patch;
    }
}
