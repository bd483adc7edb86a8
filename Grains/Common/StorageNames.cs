namespace Lianxin.Common;

/// <summary>
/// The names of storage providers and of every persisted state. Each grain class has its own state name:
/// the ADO.NET storage keys rows by state name and grain id, so a shared name would make two grain classes
/// with the same key share one row.
/// </summary>
public static class StorageNames
{
    /// <summary>The storage provider holding registry and live state.</summary>
    public const string Default = "lianxin";

    /// <summary>
    /// The storage provider of the actors on the live path (center activity, kiosk ingest and health, ledgers, help
    /// requests and the center order queues they feed): many of them write at once, so their writes are committed in groups.
    /// </summary>
    public const string Live = "lianxin-live";

    /// <summary>The storage provider Orleans streams keep their subscriptions in.</summary>
    public const string PubSub = "PubSubStore";

    public const string CenterState = "center";
    public const string GridState = "grid";
    public const string VolunteerState = "volunteer";
    public const string KioskState = "kiosk";
    public const string StarRatingState = "star-rating";
    public const string DemonstrationState = "demonstration";
    public const string ResidentialPointsState = "residential-points";
    public const string KioskIngestState = "kiosk-ingest";
    public const string KioskHealthState = "kiosk-health";
    public const string CenterActivityState = "center-activity";
    public const string PersonLedgerState = "person-ledger";
    public const string HelpRequestState = "help-request";
    public const string EmergencyState = "emergency";
    public const string EmergencyDirectoryState = "emergency-directory";
    public const string ScenarioState = "scenario";
    public const string ScenarioCatalogState = "scenario-catalog";
    public const string CenterHelpRequestsState = "center-help-requests";
    public const string CenterEvidenceState = "center-evidence";
    public const string InboundAlertState = "inbound-alert";
    public const string AlertProposalsState = "alert-proposals";
    public const string ActivityCalendarState = "activity-calendar";
    public const string EventSubscriptionState = "event-subscription";
    public const string EventSubscriptionDirectoryState = "event-subscription-directory";
    public const string CenterVisitHoursState = "center-visit-hours";
    public const string ProviderState = "provider";
    public const string ProviderDirectoryState = "provider-directory";
    public const string OrderQueueState = "order-queue";
    public const string CenterHostingState = "center-hosting";
    public const string VolunteerTeamState = "volunteer-team";
    public const string SignInCodeState = "sign-in-code";
    public const string PersonHelpRequestsState = "person-help-requests";
    public const string PersonSignUpsState = "person-sign-ups";
    public const string ResidentIdentityState = "resident-identity";
    public const string ShiftRotaState = "shift-rota";
    public const string ShiftAvailabilityState = "shift-availability";
}
