using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Every endpoint × every caller it must refuse: no or bad credentials are answered 401, a wrong role or a target out
/// of scope 403, always as problem details, and a refused write changes nothing.
/// </summary>
[Collection(SecurityDistrictCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class AuthorizationMatrixTests(SecurityDistrict district)
{
    /// <summary>One case per endpoint row and caller outside the row's allowed callers.</summary>
    public static TheoryData<string, string> Refusals()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in EndpointMatrix.Rows.Where(r => r.Access is Access.Bearer or Access.Kiosk))
        {
            foreach (var caller in Callers.All.Except(row.Allowed))
            {
                data.Add(row.Key, caller.Name);
            }
        }

        return data;
    }

    /// <summary>401 for no or bad credentials of the kind the endpoint takes; 403 for valid credentials that do not reach.</summary>
    public static HttpStatusCode Expected(EndpointRow row, CallerSpec caller) => row.Access switch
    {
        Access.Kiosk => caller == Callers.KioskBKey ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized,
        _ => caller.Credential == Credential.Bearer && caller.Valid ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized,
    };

    [Theory, MemberData(nameof(Refusals))]
    public async Task RefusedCallerGetsProblemDetailsAndChangesNothing(string endpoint, string caller)
    {
        var row = EndpointMatrix.Row(endpoint);
        var who = Callers.Named(caller);
        var before = row.Probe is null ? null : await row.Probe(district);

        var response = await district.Send(who, row.HttpMethod, row.Path(district), row.Body?.Invoke(district));

        Assert.True(Expected(row, who) == response.StatusCode, $"{endpoint} as {caller}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (row.Probe is not null)
        {
            Assert.Equal(before, await row.Probe(district));
        }
    }

    [Fact]
    public void EveryEndpointOfTheHostIsDescribedByTheMatrix()
    {
        var described = EndpointMatrix.Rows.Select(r => r.EndpointKey).ToHashSet(StringComparer.Ordinal);

        var missing = HostEndpoints().Where(e => !described.Contains(e)).ToList();

        Assert.True(missing.Count == 0, $"Describe these endpoints in EndpointMatrix (who may call them, or why they are public): {string.Join("; ", missing)}");
    }

    [Fact]
    public void EveryRowOfTheMatrixIsAnEndpointOfTheHostAndEveryWriteSaysWhatToReadBack()
    {
        var endpoints = HostEndpoints().ToHashSet(StringComparer.Ordinal);

        Assert.Empty(EndpointMatrix.Rows.Where(r => !endpoints.Contains(r.EndpointKey)).Select(r => r.Key));
        Assert.Empty(EndpointMatrix.Rows.Where(r => r.Access is Access.Public or Access.Hub && r.Why is null).Select(r => r.Key));
        Assert.Empty(EndpointMatrix.Rows.Where(r => r.Access is Access.Bearer or Access.Kiosk && r.Writes && r.Probe is null).Select(r => r.Key));
        Assert.Equal(EndpointMatrix.Rows.Count, EndpointMatrix.Rows.Select(r => r.Key).Distinct().Count());
    }

    /// <summary>The refusals are about scope and role: the same requests succeed for a caller the row allows.</summary>
    [Fact]
    public async Task EveryReadTargetOfTheMatrixExistsForItsAllowedCallers()
    {
        var failures = new List<string>();
        foreach (var row in EndpointMatrix.Rows.Where(r => r.Access == Access.Bearer && !r.Writes))
        {
            foreach (var caller in row.Allowed)
            {
                var response = await district.Send(caller, HttpMethod.Get, row.Path(district));
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{row.Key} as {caller}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task ListsShowOnlyWhatTheCallerMayFollow()
    {
        var outsiders = new[] { Callers.OtherOperator, Callers.OtherAuditor, Callers.OtherStaff, Callers.OtherLead, Callers.Volunteer };
        foreach (var caller in outsiders)
        {
            var emergencies = await ReadAsAsync(caller, "/api/v1/emergencies");
            Assert.DoesNotContain(district.GridEmergency, emergencies.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        }

        var scenarios = await ReadAsAsync(Callers.OtherOperator, "/api/v1/scenarios");
        Assert.DoesNotContain(scenarios.EnumerateArray(), s => s.GetProperty("id").GetString() is ScenarioRegion1 or ScenarioGridA1);
        var audit = await ReadAsAsync(Callers.OtherOperator, "/api/v1/audit?limit=1000");
        Assert.DoesNotContain(audit.EnumerateArray(), a => a.GetProperty("centerPath").GetString()!.StartsWith($"/{Region1}/", StringComparison.Ordinal));
        var own = await ReadAsAsync(Callers.Operator, "/api/v1/audit?limit=1000");
        Assert.Contains(own.EnumerateArray(), a => a.GetProperty("subject").GetString() == $"center:{CenterA}");
    }

    private async Task<JsonElement> ReadAsAsync(CallerSpec caller, string path)
    {
        var response = await district.Send(caller, HttpMethod.Get, path);
        Assert.True(response.IsSuccessStatusCode, $"{path} as {caller}: {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The host's route table as "METHOD pattern" (hub endpoints without a method as "*").</summary>
    private IEnumerable<string> HostEndpoints() =>
        district.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct(StringComparer.Ordinal);
}
