using System.Globalization;
using System.Text.RegularExpressions;
using Lianxin.TestSupport;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.Browser.Tests;

/// <summary>The command center's dashboard as a tool: pick an emergency, read its posts and escalations, command it.</summary>
[Collection(DashboardCollection.Name)]
public sealed class EmergencyCommandTests(DashboardHost host)
{
    [Fact]
    public async Task OperatorPicksAmongRunningEmergenciesAndTheTrendStartsAtTheLaunch()
    {
        var flood = await host.Api.LaunchDrillAsync("ld-flood-gangkou");
        await host.Api.AnswerAsync("v-00040", flood, "atPost");
        var test = await host.Api.LaunchAsync(new
        {
            name = "港口社区停电测试", mode = "test", level = "blue", category = "infra",
            scope = new { kind = "grids", ids = new[] { "ld-dg-c01-g03" } },
        });
        var page = await host.OpenAsync("/?region=ld");
        var rollCall = page.Locator("#emergency .rollcall");
        var floodRow = page.Locator($"#emergency .running li[data-emergency='{flood}']");
        var testRow = page.Locator($"#emergency .running li[data-emergency='{test}']");

        await Expect(rollCall).ToHaveAttributeAsync("data-emergency", test);
        await Expect(testRow.Locator(".badge")).ToHaveTextAsync("测试");
        await Expect(testRow.Locator(".level-chip")).ToHaveTextAsync("蓝色");
        await Expect(floodRow.Locator(".badge")).ToHaveTextAsync("演练");
        await Expect(floodRow.Locator(".level-chip")).ToHaveTextAsync("黄色");
        await Expect(floodRow.Locator(".pct")).ToHaveTextAsync("1% 1/70");
        await floodRow.ClickAsync();

        await Expect(rollCall).ToHaveAttributeAsync("data-emergency", flood);
        await Expect(floodRow).ToHaveClassAsync(new Regex("selected"));
        await Expect(rollCall.Locator(".accounted-count")).ToHaveTextAsync("1/70");
        var launchedAt = (await host.Api.GetAsync($"/api/v1/emergencies/{flood}")).GetProperty("definition").GetProperty("launchedAt").GetDateTimeOffset();
        await Expect(rollCall.Locator(".chart")).Not.ToHaveAttributeAsync("data-from", "");
        var from = DateTimeOffset.Parse((await rollCall.Locator(".chart").GetAttributeAsync("data-from"))!, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs((from - launchedAt).TotalMilliseconds) < 1, $"the trend starts at {from:O}, the launch was at {launchedAt:O}");
        await Expect(rollCall.Locator(".chart")).ToHaveAttributeAsync("data-last", "1.4");
    }

    [Fact]
    public async Task CancelNeedsTheReasonSaysHowManyAreToldAndThePhoneArchivesTheAlert()
    {
        var flood = await host.Api.LaunchDrillAsync("ld-flood-gangkou");
        var phone = await host.PhoneAsync("v-00014");
        await Expect(phone.Locator($"#alerts .alert[data-emergency='{flood}'] button[data-answer]")).ToHaveCountAsync(5);
        var page = await host.OpenAsync($"/?region=ld&emergency={flood}");
        var rollCall = page.Locator("#emergency .rollcall");
        await Expect(rollCall).ToHaveAttributeAsync("data-emergency", flood);

        await rollCall.Locator("[data-action=cancel]").ClickAsync();
        await Expect(rollCall.Locator(".command-error")).ToHaveTextAsync("请填写取消原因");
        await Expect(rollCall.Locator(".confirm")).ToBeHiddenAsync();
        await rollCall.Locator("input[name=reason]").FillAsync("误报：水位未达警戒线");
        await rollCall.Locator("[data-action=cancel]").ClickAsync();
        await Expect(rollCall.Locator(".confirm .what")).ToHaveTextAsync("取消应急响应：将向 70 人发送解除通知（原因：误报：水位未达警戒线），所有人的状态将冻结。");
        Assert.Equal("running", (await host.Api.GetAsync($"/api/v1/emergencies/{flood}")).GetProperty("phase").GetString());
        await rollCall.Locator(".confirm [data-action=confirm]").ClickAsync();

        await Expect(rollCall).ToHaveAttributeAsync("data-phase", "cancelled");
        await Expect(rollCall.Locator(".phase")).ToHaveTextAsync("已取消");
        await Expect(rollCall.Locator(".commands")).ToBeHiddenAsync();
        await Expect(page.Locator($"#emergency .running li[data-emergency='{flood}']")).ToHaveCountAsync(0);
        Assert.Equal("cancelled", (await host.Api.GetAsync($"/api/v1/emergencies/{flood}")).GetProperty("phase").GetString());
        await Expect(phone.Locator($"#alerts .alert[data-emergency='{flood}']")).ToHaveCountAsync(0);
        var archived = phone.Locator($"#archive .alert[data-emergency='{flood}']");
        await Expect(archived).ToHaveAttributeAsync("data-kind", "cancel");
        await Expect(archived.Locator("button[data-answer]")).ToHaveCountAsync(0);
        await phone.Locator("#archive summary").ClickAsync();
        await DashboardHost.SaveScreenshotAsync(phone, "volunteer-archive.png");
    }

    [Fact]
    public async Task LevelChangeAnAnswerOnSomeonesBehalfAndTheEndAreEachConfirmedFirst()
    {
        var (drill, _, rollCall, confirm) = await FollowNewDrillAsync();

        await rollCall.Locator("select[name=level]").SelectOptionAsync("red");
        await rollCall.Locator("[data-action=level]").ClickAsync();
        await Expect(confirm.Locator(".what")).ToHaveTextAsync("调整响应级别：黄色 → 红色，将向 70 人发送级别调整通知。");
        await confirm.Locator("[data-action=confirm]").ClickAsync();
        await Expect(rollCall.Locator(".level-chip")).ToHaveTextAsync("红色");
        Assert.Equal("red", (await host.Api.GetAsync($"/api/v1/emergencies/{drill}")).GetProperty("level").GetString());

        var person = rollCall.Locator(".unaccounted li[data-volunteer='v-00015']");
        await person.Locator("[data-action=on-behalf]").ClickAsync();
        await rollCall.Locator(".on-behalf select[name=status]").SelectOptionAsync("atPost");
        await rollCall.Locator(".on-behalf input[name=comment]").FillAsync("电话确认已到岗");
        await rollCall.Locator("[data-action=answer-for]").ClickAsync();
        await Expect(confirm.Locator(".what")).ToHaveTextAsync("代为登记：周佳南 的状态将记为「已到岗」（备注：电话确认已到岗），记入审计日志。");
        await confirm.Locator("[data-action=confirm]").ClickAsync();
        await Expect(rollCall.Locator(".statuses li[data-status=atPost] .count")).ToHaveTextAsync("1");
        await Expect(person).ToHaveCountAsync(0);
        var answer = (await host.Api.GetAsync($"/api/v1/emergencies/{drill}/people/v-00015")).GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("atPost", true, "电话确认已到岗"),
            (answer.GetProperty("status").GetString(), answer.GetProperty("onBehalf").GetBoolean(), answer.GetProperty("comment").GetString()));

        await rollCall.Locator("[data-action=end]").ClickAsync();
        await Expect(confirm.Locator(".what")).ToHaveTextAsync("结束应急响应：将向 70 人发送结束通知，所有人的状态将冻结。");
        await confirm.Locator("[data-action=back]").ClickAsync();
        await Expect(confirm).ToBeHiddenAsync();
        Assert.Equal("running", (await host.Api.GetAsync($"/api/v1/emergencies/{drill}")).GetProperty("phase").GetString());
        await rollCall.Locator("[data-action=end]").ClickAsync();
        await confirm.Locator("[data-action=confirm]").ClickAsync();
        await Expect(rollCall).ToHaveAttributeAsync("data-phase", "ended");
        Assert.Equal("ended", (await host.Api.GetAsync($"/api/v1/emergencies/{drill}")).GetProperty("phase").GetString());
    }

    [Fact]
    public async Task ACommandsLateAnswerLeavesTheNextQuestionOpen()
    {
        var (_, page, rollCall, confirm) = await FollowNewDrillAsync();
        // A slow server: the level change is made at once, its answer reaches the page only when released.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/v1/emergencies/*/level", async route =>
        {
            var answer = await route.FetchAsync();
            await release.Task;
            await route.FulfillAsync(new() { Response = answer });
        });

        await rollCall.Locator("select[name=level]").SelectOptionAsync("red");
        await rollCall.Locator("[data-action=level]").ClickAsync();
        await confirm.Locator("[data-action=confirm]").ClickAsync();
        // The live feed shows the new level before the answer comes; the operator goes on to the next command.
        await Expect(rollCall.Locator(".level-chip")).ToHaveTextAsync("红色");
        await rollCall.Locator(".unaccounted li[data-volunteer='v-00015'] [data-action=on-behalf]").ClickAsync();
        await rollCall.Locator(".on-behalf select[name=status]").SelectOptionAsync("atPost");
        await rollCall.Locator(".on-behalf input[name=comment]").FillAsync("电话确认已到岗");
        await rollCall.Locator("[data-action=answer-for]").ClickAsync();
        await Expect(confirm.Locator(".what")).ToHaveTextAsync("代为登记：周佳南 的状态将记为「已到岗」（备注：电话确认已到岗），记入审计日志。");
        await page.RunAndWaitForResponseAsync(() =>
        {
            release.SetResult();
            return Task.CompletedTask;
        }, r => r.Url.EndsWith("/level", StringComparison.Ordinal));

        await confirm.Locator("[data-action=confirm]").ClickAsync();
        await Expect(rollCall.Locator(".statuses li[data-status=atPost] .count")).ToHaveTextAsync("1");
        await Expect(confirm).ToBeHiddenAsync();
    }

    [Fact]
    public async Task PostQuotaAndBothEscalationsShowOnTheDashboardAndTheGridLeadsPage()
    {
        // Open before the launch: the escalations can only arrive live, through the region's feed.
        var page = await host.OpenAsync("/?region=ld");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-emergency-ready", "true");
        var id = await host.Api.LaunchAsync(new
        {
            name = "港口社区防汛岗位演练", mode = "exercise", level = "orange", category = "met",
            scope = new { kind = "grids", ids = new[] { "ld-dg-c01-g01" } },
            posts = new[] { new { id = "dike", name = "东堤沙袋点", quota = 2, reserve = new[] { "v-00016", "v-00017", "v-00018" }, askAtOnce = 2 } },
            timers = new { escalateToGridLeadAfterSeconds = 1, escalateToCommandAfterSeconds = 2 },
        });
        // Answer the ask itself: only an answer after the ask counts for the post.
        await Eventually.HoldsAsync(
            () => host.Api.GetAsync($"/api/v1/emergencies/{id}/rollcall"),
            r => r.GetProperty("posts")[0].GetProperty("asked").GetInt32() == 2, DashboardHost.Deadline, "both asks out");
        await host.Api.AnswerAsync("v-00016", id, "atPost");
        var leads = page.Locator($"#emergency .escalations li[data-emergency='{id}'][data-tier=gridLead]");
        var command = page.Locator($"#emergency .escalations li[data-emergency='{id}'][data-tier=command]");

        await Expect(leads).ToContainTextAsync("已升级至网格长：");
        await Expect(command).ToContainTextAsync("已升级至指挥中心：");
        await command.ClickAsync();
        await Expect(page.Locator("#emergency .rollcall")).ToHaveAttributeAsync("data-emergency", id);
        var post = page.Locator("#emergency .rollcall .posts tr[data-post='dike']");
        await Expect(post.Locator("[data-field=name]")).ToHaveTextAsync("东堤沙袋点");
        string[] expected = ["quota=2", "asked=2", "accepted=1", "atPost=1", "reserveLeft=1", "state=缺 1"];
        foreach (var (field, value) in expected.Select(e => (e[..e.IndexOf('=')], e[(e.IndexOf('=') + 1)..])))
        {
            await Expect(post.Locator($"[data-field={field}]")).ToHaveTextAsync(value);
        }

        var report = await Eventually.HoldsAsync(
            () => host.Api.GetAsync($"/api/v1/emergencies/{id}/report"),
            r => r.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "escalated") == 2,
            DashboardHost.Deadline, "both escalations");
        await Expect(leads).ToContainTextAsync("港口社区防汛岗位演练 已升级至网格长：");
        await Expect(command).ToContainTextAsync("港口社区防汛岗位演练 已升级至指挥中心：");
        var unaccounted = report.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "escalated")
            .Select(e => e.GetProperty("detail").GetString()!).ToList();
        var toLeads = Regex.Match(unaccounted.Single(d => d.StartsWith("gridLead", StringComparison.Ordinal)), @"(\d+)人").Groups[1].Value;
        await Expect(leads).ToContainTextAsync($"{toLeads} 人未应答");

        var lead = await host.PhoneAsync("v-00001");
        var alert = lead.Locator($"#alerts .alert.escalation[data-emergency='{id}']");
        await Expect(alert.Locator(".lead-tag")).ToHaveTextAsync("网格长提醒");
        await Expect(alert.Locator(".text")).ToContainTextAsync("港口社区第1网格有");
        await Expect(alert.Locator("button[data-answer]")).ToHaveCountAsync(0);
        await DashboardHost.SaveScreenshotAsync(page, "dashboard-emergency.png");
        await DashboardHost.SaveScreenshotAsync(lead, "volunteer-lead.png");
    }

    /// <summary>A flood drill launched and followed on the dashboard, at its first level (yellow).</summary>
    private async Task<(string Drill, IPage Page, ILocator RollCall, ILocator Confirm)> FollowNewDrillAsync()
    {
        var drill = await host.Api.LaunchDrillAsync("ld-flood-gangkou");
        var page = await host.OpenAsync($"/?region=ld&emergency={drill}");
        var rollCall = page.Locator("#emergency .rollcall");
        await Expect(rollCall.Locator(".level-chip")).ToHaveTextAsync("黄色");
        return (drill, page, rollCall, rollCall.Locator(".confirm"));
    }
}
