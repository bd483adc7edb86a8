namespace Lianxin.Common;

/// <summary>How a registry write ended; the HTTP edge maps each outcome to a status code.</summary>
public enum RegistryOutcome
{
    /// <summary>The entity did not exist and was created.</summary>
    Created,
    /// <summary>The existing entity was updated.</summary>
    Updated,
    /// <summary>The entity, or an entity it refers to, does not exist.</summary>
    NotFound,
    /// <summary>The write contradicts current state (already exists, would form a cycle, role taken).</summary>
    Conflict,
}
