namespace Lianxin.Common;

/// <summary>
/// The database did not answer a durable read or write (a broken connection, a timeout, a server restarting): whether
/// a write took effect is unknown, and the caller re-sends (every write on the live path is idempotent). The cause is
/// logged where it happened; only its message travels, so the exception crosses the cluster as it is.
/// </summary>
[GenerateSerializer, Alias("Lianxin.DatabaseUnavailableException")]
public sealed class DatabaseUnavailableException : Exception
{
    /// <summary>The database did not answer, without a message.</summary>
    public DatabaseUnavailableException()
    {
    }

    /// <summary>The database did not answer, and what was being done.</summary>
    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>The database did not answer, what was being done, and the failure behind it.</summary>
    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
