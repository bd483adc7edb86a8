using System.Globalization;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.Kiosks;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>
/// Approved volunteer hours and the points they earned, per center of a region and period: what a street reports
/// upward and what volunteers' service records are reconciled with. From the centers' yearly evidence, which keeps every
/// approval with its day, person and points.
/// </summary>
internal static class VolunteerServiceEndpoints
{
    /// <summary>Longest period one export covers: a few years, so one request reads a bounded number of yearly records.</summary>
    private const int MaxYears = 5;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/regions/{id}/volunteer-hours", GetAsync)
            .WithSummary("Approved volunteer hours and points per center of a region for a period (from, to: local days, inclusive).")
            .RequireGovernanceRead(GovernanceAccess.Region);
        group.MapGet("/regions/{id}/volunteer-hours.csv", GetCsvAsync)
            .WithSummary("Approved volunteer hours and points per center of a region for a period (CSV).")
            .Produces(200, contentType: "text/csv")
            .RequireGovernanceRead(GovernanceAccess.Region);
    }

    private static Task<Results<Ok<RegionVolunteerService>, ValidationProblem>> GetAsync(
        string id, string? from, string? to, IGrainFactory grains, [FromKeyedServices(CentersClock.Key)] TimeProvider clock, IOptions<KioskOptions> options) =>
        ReadAsync(id, from, to, grains, options.Value.DayOf(clock.GetUtcNow()), TypedResults.Ok);

    private static Task<Results<FileContentHttpResult, ValidationProblem>> GetCsvAsync(
        string id, string? from, string? to, IGrainFactory grains, [FromKeyedServices(CentersClock.Key)] TimeProvider clock, IOptions<KioskOptions> options) =>
        ReadAsync(id, from, to, grains, options.Value.DayOf(clock.GetUtcNow()), s => Csv.File(
            $"volunteer-hours-{id}-{s.From:yyyyMMdd}-{s.To:yyyyMMdd}.csv",
            ["centerId", "name", "level", "from", "to", "entries", "volunteers", "approvedHours", "points"],
            s.Centers.Append(new CenterVolunteerService(id, "(total)", null, s.Totals)).Select(c => (IReadOnlyList<object?>)
                [c.CenterId, c.Name, c.Level, s.From, s.To, c.Totals.Entries, c.Totals.Volunteers, c.Totals.Hours, c.Totals.Points])));

    /// <summary>Checks the period (by default this year until <paramref name="today"/>, the centers' day), then answers from the region's service with <paramref name="answer"/>.</summary>
    private static async Task<Results<TAnswer, ValidationProblem>> ReadAsync<TAnswer>(
        string id, string? from, string? to, IGrainFactory grains, DateOnly today,
        Func<RegionVolunteerService, TAnswer> answer)
        where TAnswer : IResult
    {
        var v = new Validation();
        var first = Day(v, "from", from) ?? new DateOnly(today.Year, 1, 1);
        var last = Day(v, "to", to) ?? today;
        if (v.IsValid && (last < first || last.Year - first.Year >= MaxYears))
        {
            v.Add("to", $"Must be on or after 'from', and the period at most {MaxYears} calendar years.");
        }

        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var centers = await grains.GetGrain<IGovernanceQueryGrain>(0).ReadSubtreeAsync(id);
        var years = Enumerable.Range(first.Year, last.Year - first.Year + 1).ToList();
        var rows = await Task.WhenAll(centers.Select(async c =>
        {
            var entries = await Task.WhenAll(years.Select(y => grains.GetGrain<ICenterEvidenceGrain>(GovernanceKeys.Rating(c.Id, y)).GetServiceAsync(first, last)));
            return new CenterVolunteerService(c.Id, c.Profile.Name, c.Profile.Level, ServiceTotals.Of(entries.SelectMany(e => e), first, last));
        }));
        var totals = new ServiceTotals(rows.Sum(r => r.Totals.Entries), rows.Sum(r => r.Totals.Volunteers), Math.Round(rows.Sum(r => r.Totals.Hours), 2), rows.Sum(r => r.Totals.Points));
        return answer(new RegionVolunteerService(id, first, last, totals, rows));
    }

    private static DateOnly? Day(Validation v, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= RatingYears.First)
        {
            return day;
        }

        v.Add(field, $"Must be a day written yyyy-MM-dd, from {RatingYears.First} on.");
        return null;
    }
}

/// <summary>
/// A region's approved volunteer service for a period, per center. The region's volunteers count is the sum over
/// centers (a person serving at two centers counts at each).
/// </summary>
public sealed record RegionVolunteerService(string RegionId, DateOnly From, DateOnly To, ServiceTotals Totals, IReadOnlyList<CenterVolunteerService> Centers);

/// <summary>One center's approved volunteer service over the period.</summary>
public sealed record CenterVolunteerService(string CenterId, string Name, CenterLevel? Level, ServiceTotals Totals);
