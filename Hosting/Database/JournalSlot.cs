using Lianxin.Common.Journal;

namespace Lianxin.Hosting.Database;

/// <summary>
/// An entry of a commit's group, and where its answer goes: its append's positions, at its index. The journal's row and
/// page writers give each stored entry its position here, so a group is answered without looking entries up again.
/// </summary>
internal readonly record struct JournalSlot(JournalEntry Entry, long[] Positions, int Index)
{
    public bool Stored => Positions[Index] > 0;

    public void Store(long position) => Positions[Index] = position;
}
