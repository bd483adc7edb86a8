namespace Lianxin.WebHost.Security;

/// <summary>
/// The action names of the audit log: <c>{subject kind}.{what happened}</c>. Auditors filter by them, so they are a
/// contract: add new ones, never rename (docs/audit.md lists them).
/// </summary>
public static class AuditActions
{
    public const string EmergencyLaunched = "emergency.launched";
    public const string InboundAlertReceived = "alert.inboundReceived";
    public const string ProposalDismissed = "alert.proposalDismissed";
    public const string EmergencyLevelChanged = "emergency.levelChanged";
    public const string EmergencyEnded = "emergency.ended";
    public const string EmergencyCancelled = "emergency.cancelled";
    public const string RollCallStatusOnBehalf = "rollcall.statusOnBehalf";
    public const string HoursApproved = "hours.approved";
    public const string HoursDeclined = "hours.declined";
    public const string CheckOutCorrected = "checkout.corrected";
    public const string KioskKeyIssued = "kiosk.keyIssued";
    public const string KioskKeyRotated = "kiosk.keyRotated";
    public const string KioskKeyRevoked = "kiosk.keyRevoked";
    public const string CenterCreated = "center.created";
    public const string CenterUpdated = "center.updated";
    public const string GridCreated = "grid.created";
    public const string GridUpdated = "grid.updated";
    public const string VolunteerCreated = "volunteer.created";
    public const string VolunteerUpdated = "volunteer.updated";
    public const string KioskCreated = "kiosk.created";
    public const string KioskUpdated = "kiosk.updated";
    public const string ScenarioCreated = "scenario.created";
    public const string ScenarioUpdated = "scenario.updated";
    public const string ResidentialPointsReplaced = "residentialPoints.replaced";
    public const string RatingDecided = "rating.decided";
    public const string DemonstrationSelected = "demonstration.selected";
    public const string EventSubscriptionCreated = "eventSubscription.created";
    public const string EventSubscriptionDeleted = "eventSubscription.deleted";
    public const string EventSubscriptionResumed = "eventSubscription.resumed";
    public const string ProviderCreated = "provider.created";
    public const string ProviderUpdated = "provider.updated";
    public const string HelpRequestOrdered = "helpRequest.ordered";
    public const string HelpRequestRejected = "helpRequest.rejected";
    public const string OrderClaimed = "helpRequest.claimed";
    public const string PositionsReplaced = "center.positionsReplaced";
    public const string TeamSaved = "team.saved";
    public const string ResidentCodeRequested = "resident.codeRequested";
    public const string ResidentSignedIn = "resident.signedIn";
    public const string ResidentSignInFailed = "resident.signInFailed";
    public const string ResidentOrdered = "resident.ordered";
    public const string ResidentPhoneLinked = "resident.phoneLinked";
    public const string ResidentPhoneLinkRefused = "resident.phoneLinkRefused";
    public const string ResidentPhoneUnlinked = "resident.phoneUnlinked";
}
