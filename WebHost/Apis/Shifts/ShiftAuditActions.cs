namespace Lianxin.WebHost.Apis.Shifts;

/// <summary>The audit actions of shifts (docs/shifts.md): every change of a rota, a place or an availability.</summary>
internal static class ShiftAuditActions
{
    public const string Defined = "shift.defined";
    public const string Changed = "shift.changed";
    public const string Retired = "shift.retired";
    public const string SignedUp = "shift.signedUp";
    public const string SignUpCancelled = "shift.signUpCancelled";
    public const string AvailabilitySet = "shift.availabilitySet";
    public const string StaffContactSet = "shift.staffContactSet";
}
