namespace Lianxin.Common;

/// <summary>
/// Where an actor's book lives: keyed entries (a center's help requests of a year, its queue of open requests) stored
/// entry by entry, so a change writes the one entry it changes. Kept as one grain state, every change rewrote the whole
/// book, and the book only grows: under full kiosk ingest the two help-request books were 85 % of the bytes the live
/// storage wrote, at 50 KB a change after a minute.
/// </summary>
public interface IBookStore
{
    /// <summary>Every entry of one owner's book.</summary>
    Task<IReadOnlyList<BookEntry>> ReadAsync(string book, string owner);

    /// <summary>Stores an entry, replacing the one with its key; a null payload removes it. Durable before it answers.</summary>
    Task WriteAsync(string book, string owner, string key, byte[]? payload);
}

/// <summary>One entry of a book, as the owner serialized it.</summary>
public sealed record BookEntry(string Key, byte[] Payload);
