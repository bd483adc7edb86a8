namespace Lianxin.Grains.Tests.Recovery;

/// <summary>
/// A silo's line to what outlives it (journal, grain storage, reminders), cut when the fixture kills the silo. An
/// in-process silo that is killed still runs some of its shutdown; a killed process does nothing more, so from the
/// cut on every read and write of this silo fails, as it would have never been made.
/// </summary>
internal sealed class Severance
{
    private volatile bool _cut;

    public void Cut() => _cut = true;

    public void ThrowIfCut()
    {
        if (_cut)
        {
            throw new IOException("This silo was killed: nothing it reads or writes reaches the database any more.");
        }
    }
}
