using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Lianxin.WebHost.Apis.Lists;

/// <summary>Puts an example page on a list's 200 answer in the OpenAPI document, so a client sees the shape and the cursor.</summary>
internal static class ListExamples
{
    public static RouteHandlerBuilder WithExample(this RouteHandlerBuilder builder, string itemsJson, string description) =>
        builder.WithDescription(description + " Pages follow `next` (an opaque cursor) until it is null; a cursor keeps its place when lines are added or removed meanwhile.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
                {
                    var example = JsonNode.Parse($$"""{"items":{{itemsJson}},"next":"WyIxIiwia2V5OmFzYyIsIuWFtOi-viIsImxkLXN0LTAxIl0"}""");
                    foreach (var media in content.Values)
                    {
                        media.Example = example;
                    }
                }

                return Task.CompletedTask;
            });

    public const string Center = """[{"id":"ld-st-01","name":"海滨街道党群服务中心","level":"street","parentId":"ld","address":"连岛区海滨路18号","location":{"latitude":27.712,"longitude":120.551},"openingHours":{"opens":"08:30:00","closes":"20:30:00"},"selfService24h":true,"functions":["partyBuilding","convenienceServices","volunteerService"],"capacity":200}]""";

    public const string Grid = """[{"id":"ld-st-01-g03","name":"海滨第三网格","centerId":"ld-st-01-c02"}]""";

    public const string Volunteer = """[{"id":"v-00003","name":"王芳","phone":"138****5678","isPartyMember":true,"isMobilePartyMember":false,"isInServicePartyMember":false,"homeGridId":"ld-st-01-g03","gridRole":"volunteer","skills":["first-aid","swimming"]}]""";

    public const string Kiosk = """[{"id":"k-ld-st-01-1","name":"海滨自助终端1号","centerId":"ld-st-01","connectivity":"online","lastSeenAt":"2026-12-05T09:12:30+00:00"}]""";

    public const string HelpRequest = """[{"id":"hr-7f3a","centerId":"ld-st-01-c02","function":"careAssistance","stage":"assigned","ownerName":"李强","dueAt":"2026-12-05T11:00:00+00:00","escalatedTo":null,"escalationLevel":0,"secondsLeft":5400}]""";

    public const string Emergency = """[{"id":"em-typhoon-2026-09","name":"台风“海葵”防御","mode":"live","level":"orange","phase":"closed","homeCenterId":"ld","homeGridId":null,"launchedAt":"2026-09-03T06:00:00+00:00","closedAt":"2026-09-04T18:00:00+00:00"}]""";
}
