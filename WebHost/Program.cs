using Lianxin.Hosting;
using Lianxin.Hosting.Operations;
using Lianxin.WebHost.Apis;
using Lianxin.WebHost.Apis.Alerts;
using Lianxin.WebHost.Apis.Public;
using Lianxin.WebHost.Dashboard;
using Lianxin.WebHost.Demo;
using Lianxin.WebHost.Governance;
using Lianxin.WebHost.Hosting;
using Lianxin.WebHost.Limits;
using Lianxin.WebHost.Live;
using Lianxin.WebHost.Operations;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Security.Residents;

// First: the shared buffers' limit is read once, at their first use (FanOutBuffers).
FanOutBuffers.Reserve();

var builder = WebApplication.CreateBuilder(args);

builder.AddLianxinLogging();
builder.AddLianxinTelemetry();
builder.AddLianxinOrleans();
builder.AddLianxinAuth();
builder.AddKioskAuth();
builder.Services.AddLianxinApi();
builder.Services.AddLianxinHealth();
builder.AddDemoDistrict();
builder.AddGovernance();
builder.AddLianxinLive();
builder.AddLianxinLimits();
builder.AddLianxinReportCache();
builder.AddClusterDashboard();
builder.AddEmergencyInputs();
builder.AddPublicPages();
builder.AddResidentSignIn();

var app = builder.Build();

app.UseLianxinRequestLogs();
app.UseLianxinApi();
app.UseLianxinLimits();
app.UseLianxinReportCache();
app.MapLianxinHealth();
app.MapDevTokensApi();
app.MapCentersApi();
app.MapGridsApi();
app.MapVolunteersApi();
app.MapKiosksApi();
app.MapKioskFleetApi();
app.MapKioskProtocolApi();
app.MapActivityApi();
app.MapLedgerApi();
app.MapHelpRequestsApi();
app.MapGovernanceApi();
app.MapAuditApi();
app.MapScenariosApi();
app.MapEmergenciesApi();
app.MapInboundAlertsApi();
app.MapActivitiesApi();
app.MapEventFeedApi();
app.MapProvidersApi();
app.MapOrdersApi();
app.MapHostingApi();
app.MapRegistryListsApi();
app.MapPublicCentersApi();
app.MapResidentSignInApi();
app.MapMeApi();
app.MapPhoneLinkApi();
app.MapShiftsApi();
app.MapLianxinLive();
app.MapDashboard();
app.MapClusterDashboard();

app.Run();

/// <summary>The web host's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
