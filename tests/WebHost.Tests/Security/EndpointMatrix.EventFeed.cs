using System.Net.Http.Json;
using System.Text.Json;
using static Lianxin.WebHost.Tests.Security.Callers;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// The outbound event feed and qualified providers: the feed is pulled by operators, auditors and staff (each sees its
/// own region); subscriptions are managed by the operators of their region and read by its auditors too; providers are
/// listed by the operators of a region and read by whoever works in or above it; a center's licence warnings by its readers.
/// </summary>
public static partial class EndpointMatrix
{
    private static IEnumerable<EndpointRow> EventFeed()
    {
        const string subscriptions = "/api/v1/event-subscriptions";
        var subscription = $"{subscriptions}/{SubscriptionRegion1}";
        var provider = $"/api/v1/providers/{ProviderRegion1}";
        CallerSpec[] regionPeople = [Operator, OtherOperator, Auditor, OtherAuditor, Staff, OtherStaff];
        return
        [
            Get("/api/v1/events/", _ => "/api/v1/events", regionPeople),
            Write("POST", $"{subscriptions}/", _ => subscriptions, _ => new { id = "sub-r1-new", url = "https://141.example.cn/events", regionId = Region1 },
                SubscriptionDefinitions, Operator),
            Get($"{subscriptions}/", _ => subscriptions, Operator, OtherOperator, Auditor, OtherAuditor),
            Get($"{subscriptions}/{{id}}", _ => subscription, ReadersOfRegion1),
            Get($"{subscriptions}/{{id}}/dead-letters", _ => $"{subscription}/dead-letters", ReadersOfRegion1),
            Write("POST", $"{subscriptions}/{{id}}/resume", _ => $"{subscription}/resume", null, EndpointRow.Reads(_ => subscription, "phase"), Operator),
            Write("DELETE", $"{subscriptions}/{{id}}", _ => subscription, null, EndpointRow.Reads(_ => subscription, "phase"), Operator),
            Get("/api/v1/providers/", _ => "/api/v1/providers", regionPeople),
            Get("/api/v1/providers/{id}", _ => provider, Operator, Auditor, Staff, OtherStaff),
            Write("POST", "/api/v1/providers/", _ => "/api/v1/providers", _ => ProviderRequest("prov-r1-new"), EndpointRow.Reads(_ => "/api/v1/providers/prov-r1-new"), Operator),
            Write("PUT", "/api/v1/providers/{id}", _ => provider, _ => ProviderRequest(null), EndpointRow.Reads(_ => provider, "profile"), Operator),
            Get("/api/v1/centers/{id}/provider-warnings/", _ => $"/api/v1/centers/{CenterA}/provider-warnings", ReadersOfCenterA),
        ];
    }

    /// <summary>
    /// The region's subscriptions as made (id, endpoint, region, delivery), without their delivery progress: a
    /// subscription that keeps failing in the background changes its attempts and last error at any moment.
    /// </summary>
    private static async Task<string> SubscriptionDefinitions(SecurityDistrict d)
    {
        var response = await d.Send(Operator, HttpMethod.Get, "/api/v1/event-subscriptions");
        if (!response.IsSuccessStatusCode)
        {
            return $"{(int)response.StatusCode}";
        }

        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        return string.Join("\n", list.EnumerateArray().Select(e => e.GetProperty("definition").GetRawText()).Order(StringComparer.Ordinal));
    }
}
