using Lianxin.Emergencies;
using Lianxin.WebHost.Apis.Emergencies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>What an emergency leaves behind: its CAP 1.2 documents, the after-action report (JSON, CSV) and every gateway attempt.</summary>
internal static class EmergencyReportEndpoints
{
    /// <summary>The media type registered for CAP documents.</summary>
    public const string CapMediaType = "application/cap+xml";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id}/cap", ListCapAsync).WithSummary("The CAP 1.2 chain of the emergency: Alert, Updates, Cancel.").RequireFollow();
        group.MapGet("/{id}/cap/{number:int}", GetCapAsync).WithSummary("One CAP 1.2 document (application/cap+xml).")
            .Produces(200, contentType: CapMediaType).RequireFollow();
        group.MapGet("/{id}/report", GetReportAsync).WithSummary("After-action report: timeline, time to 50/90/100 % accounted per grid, counts over time.")
            .RequireFollow();
        group.MapGet("/{id}/report.csv", GetReportCsvAsync).WithSummary("The after-action report as CSV: table=grids (default) or table=timeline.")
            .Produces(200, contentType: "text/csv").RequireFollow();
        group.MapGet("/{id}/deliveries", GetDeliveriesAsync).WithSummary("Every outbound gateway attempt, with its result.").RequireFollow();
    }

    private static async Task<Ok<CapLink[]>> ListCapAsync(string id, IGrainFactory grains)
    {
        var documents = await grains.GetGrain<IEmergencyGrain>(id).GetCapDocumentsAsync();
        return TypedResults.Ok(documents.Select(d => new CapLink(d.Number, d.Identifier, d.MsgType, d.Sent, $"/api/v1/emergencies/{id}/cap/{d.Number}")).ToArray());
    }

    private static async Task<Results<ContentHttpResult, NotFoundProblem>> GetCapAsync(string id, int number, IGrainFactory grains)
    {
        var document = (await grains.GetGrain<IEmergencyGrain>(id).GetCapDocumentsAsync()).FirstOrDefault(d => d.Number == number);
        return document is null
            ? ApiResults.NotFound($"Emergency '{id}' has no CAP document {number}.")
            : TypedResults.Text(document.Xml, CapMediaType, System.Text.Encoding.UTF8);
    }

    private static async Task<Ok<AfterActionReport>> GetReportAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IEmergencyGrain>(id).GetReportAsync());

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetReportCsvAsync(
        string id, string? table, IGrainFactory grains)
    {
        if (table is not (null or "grids" or "timeline"))
        {
            var v = new Validation();
            v.Add("table", "Must be grids or timeline.");
            return ApiResults.Invalid(v);
        }

        var report = (await grains.GetGrain<IEmergencyGrain>(id).GetReportAsync())!;
        var csv = table == "timeline" ? AfterActionCsv.Timeline(report) : AfterActionCsv.Grids(report);
        return Governance.Csv.File($"{id}-{table ?? "grids"}.csv", csv);
    }

    private static async Task<Ok<IReadOnlyList<DeliveryAttempt>>> GetDeliveriesAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IEmergencyGrain>(id).GetDeliveriesAsync());
}

/// <summary>One CAP document of an emergency's chain and where to fetch it.</summary>
public sealed record CapLink(int Number, string Identifier, string MsgType, DateTimeOffset Sent, string Href);
