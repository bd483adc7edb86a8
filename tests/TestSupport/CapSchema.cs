using System.Xml.Linq;
using System.Xml.Schema;
using Lianxin.Emergencies;

namespace Lianxin.TestSupport;

/// <summary>
/// Validation against the OASIS CAP 1.2 schema the product ships as an embedded resource (the one inbound warnings are
/// checked with), so tests need no file beside the clone.
/// </summary>
public static class CapSchema
{
    /// <summary>The schema errors of a document; empty when it is valid CAP 1.2.</summary>
    public static IReadOnlyList<string> Errors(string xml)
    {
        var errors = new List<string>();
        XDocument.Parse(xml).Validate(CapReader.Schema, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }
}
