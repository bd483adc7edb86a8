using Lianxin.Common.Journal;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Hosting.Database;

/// <summary>How the journal's writers, of rows and of pages, hand entries to their statements.</summary>
internal static class JournalParameters
{
    /// <summary>The entries as the array parameters the journal's statements unnest: streams, ids, times and, with their content, types and payloads.</summary>
    public static void AddEntries(NpgsqlParameterCollection parameters, IReadOnlyList<JournalEntry> entries, bool withContent = true)
    {
        parameters.Add(new NpgsqlParameter<string[]>("streams", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. entries.Select(e => e.Stream)] });
        parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. entries.Select(e => e.Id)] });
        parameters.Add(new NpgsqlParameter<DateTime[]>("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. entries.Select(e => e.OccurredAt.UtcDateTime)] });
        if (withContent)
        {
            parameters.Add(new NpgsqlParameter<string[]>("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. entries.Select(e => e.Type)] });
            parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. entries.Select(e => e.Payload)] });
        }
    }
}
