namespace Lianxin.Hosting.Database;

/// <summary>Which streams the journal keeps in pages, and how long their ids are kept in memory (see <see cref="StreamWindow"/>).</summary>
/// <param name="StreamPrefix">Streams whose names start with this are paged (kiosks' streams: <c>kiosk:</c>).</param>
/// <param name="Window">Ids of events up to this old are known from memory; an older event is looked for in its pages.</param>
public sealed record JournalPaging(string StreamPrefix, TimeSpan Window);
