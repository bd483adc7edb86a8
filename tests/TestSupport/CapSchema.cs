using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Lianxin.TestSupport;

/// <summary>
/// The OASIS CAP 1.2 schema, read at run time from <c>../shared/schemas/cap/CAP-v1.2.xsd</c> next to the repository
/// (a standard, not part of this product's code), and validation against it.
/// </summary>
public static class CapSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    public static string Path
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Lianxin.slnx")))
            {
                directory = directory.Parent;
            }

            if (directory is null)
            {
                throw new InvalidOperationException($"The repository root (Lianxin.slnx) was not found above {AppContext.BaseDirectory}.");
            }

            return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "schemas", "cap", "CAP-v1.2.xsd"));
        }
    }

    /// <summary>The schema errors of a document; empty when it is valid CAP 1.2.</summary>
    public static IReadOnlyList<string> Errors(string xml)
    {
        var errors = new List<string>();
        XDocument.Parse(xml).Validate(Schemas.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    private static XmlSchemaSet Load()
    {
        var path = Path;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The OASIS CAP 1.2 schema is missing: expected it at {path} (the shared/ folder beside the clone).", path);
        }

        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(path);
        set.Add("urn:oasis:names:tc:emergency:cap:1.2", reader);
        set.Compile();
        return set;
    }
}
