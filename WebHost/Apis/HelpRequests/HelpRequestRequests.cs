namespace Lianxin.WebHost.Apis.HelpRequests;

/// <summary>Staff open a help request at a center: what it is about, for which resident (optional).</summary>
public sealed record OpenHelpRequestRequest(string? CenterId, string? Function, string? Description, string? PersonId);

/// <summary>Give a help request to a volunteer (by person id) or to a member of a center's staff (by name), with a note.</summary>
public sealed record AssignHelpRequestRequest(string? VolunteerId, string? StaffCenterId, string? StaffName, string? Note);

/// <summary>A note for a step of the owner (start, resolve).</summary>
public sealed record HelpRequestStepRequest(string? Note);

/// <summary>The resident's rating, 1 (poor) to 5 (very good), with a comment.</summary>
public sealed record RateHelpRequestRequest(int? Rating, string? Comment);
