namespace Lianxin.Ledger;

/// <summary>The <c>Ledger</c> section: how much one person's ledger may hold.</summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>
    /// The most volunteer-hours entries, and separately the most points entries, one person's ledger holds (its
    /// whole state is one stored row, written on every change). About thirteen years of daily duty.
    /// </summary>
    public int MaxEntries { get; set; } = 5000;
}
