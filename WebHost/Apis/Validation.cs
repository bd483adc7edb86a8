using System.Text.RegularExpressions;

namespace Lianxin.WebHost.Apis;

/// <summary>Collects field errors for an RFC 9457 validation problem; empty means the input is valid.</summary>
internal sealed partial class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>How many fields have errors so far: a check on part of the input compares it before and after.</summary>
    public int FieldsInError => _errors.Count;

    public Dictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Add(Field field, string message)
    {
        var name = field.ToString();
        if (!_errors.TryGetValue(name, out var list))
        {
            _errors[name] = list = [];
        }

        list.Add(message);
    }

    /// <summary>A replacement's body may name its id only as the path does.</summary>
    public void SamePathId(string? bodyId, string pathId)
    {
        if (bodyId is not null && bodyId != pathId)
        {
            Add("id", "Must match the id in the path, or be left out.");
        }
    }

    /// <summary>Ids are short lower-case codes (they appear in URLs, logs and grain keys).</summary>
    public string Id(Field field, string? value)
    {
        if (value is null || !IdPattern().IsMatch(value))
        {
            Add(field, "Must be 1-64 characters: lower-case letters, digits and dashes, starting with a letter or digit.");
            return "";
        }

        if (Security.PersonalData.LooksPersonal(value))
        {
            Add(field, "Must not be a phone or ID-card number: ids appear in URLs and logs; use a registry code.");
            return "";
        }

        return value;
    }

    public string Text(Field field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Is required.");
            return "";
        }

        if (value.Length > maxLength)
        {
            Add(field, $"Must be at most {maxLength} characters.");
        }
        else if (value.Any(char.IsControl))
        {
            Add(field, "Must not contain control characters.");
        }
        else if (value.Any(IsBidiOverride))
        {
            Add(field, "Must not contain bidirectional embeddings, overrides or isolates (U+202A-U+202E, U+2066-U+2069).");
        }

        return value.Trim();
    }

    public T Required<T>(Field field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "Is required.");
        }

        return value.GetValueOrDefault();
    }

    /// <summary>Parses a camelCase enum name; numbers and unknown names are refused with the allowed names.</summary>
    public TEnum Enum<TEnum>(Field field, string? value)
        where TEnum : struct, Enum
    {
        if (EnumNames.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        Add(field, $"'{value}' is not one of: {string.Join(", ", EnumNames.All<TEnum>())}.");
        return default;
    }

    /// <summary>
    /// Explicit direction controls make a name display in another order than it is stored ("abc\u202Efdp.exe" shows as
    /// "abcexe.pdf"): a spoofing tool, never needed, since right-to-left scripts display correctly without them.
    /// </summary>
    private static bool IsBidiOverride(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}

/// <summary>
/// A field's name as an error names it, e.g. <c>events[3].personId</c> for a field of a list's item. The name is put
/// together only when an error names it: a valid kiosk batch of 500 events builds none.
/// </summary>
internal readonly record struct Field(string Name, string? List = null, int Index = 0)
{
    public static implicit operator Field(string name) => new(name);

    public override string ToString() => List is null ? Name : Name.Length == 0 ? $"{List}[{Index}]" : $"{List}[{Index}].{Name}";
}

/// <summary>Item <see cref="Index"/> of the list <see cref="List"/> in a request: its fields are named under it.</summary>
internal readonly record struct Item(string List, int Index)
{
    /// <summary>The item itself, e.g. <c>events[3]</c>.</summary>
    public Field Whole => new("", List, Index);

    public Field this[string name] => new(name, List, Index);
}
