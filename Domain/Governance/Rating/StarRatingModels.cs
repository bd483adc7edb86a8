using Lianxin.Centers;
using K = Lianxin.Governance.ComplianceCheckKind;
using M = Lianxin.Governance.RatingMeasures;

namespace Lianxin.Governance;

/// <summary>The published star-rating models. Never edit a published one: add a new version (docs/star-rating.md).</summary>
public static class StarRatingModels
{
    /// <summary>Version 2026.1: standards 30, service activity 40, governance effectiveness 30.</summary>
    public static StarRatingModel V2026_1 { get; } = new(
        "2026.1",
        [
            new("A", "Standards", "阵地规范",
            [
                new("A1", "Facilities", "设施条件",
                [
                    new("A1.1", "Floor area", "综合服务设施面积", 6, "Full marks when the floor-area check passes, is exempt or does not apply.", M.Check(K.FloorArea)),
                    new("A1.2", "Opening and extended hours", "开放与延时服务", 3, "Full marks when the opening-hours check passes.", M.Check(K.OpeningHours)),
                    new("A1.3", "24-hour self-service", "24小时不打烊", 5, "Full marks when the self-service check passes.", M.Check(K.SelfService24h)),
                ]),
                new("A2", "People", "队伍建设",
                [
                    new("A2.1", "Staffing", "人员配备", 8, "Full marks when the staffing check passes or does not apply.", M.Check(K.Staffing)),
                    new("A2.2", "Training", "培训", 8, "The share of staff with at least 3 days of training.", M.Training),
                ]),
            ]),
            new("B", "Service activity", "服务成效",
            [
                new("B1", "Functions", "功能运转",
                [
                    new("B1.1", "Functions offered", "十项基本功能", 6, "The share of the ten basic functions offered (full marks where not all ten are required).", M.FunctionsOffered),
                    new("B1.2", "Functions in use", "功能使用", 10, "The share of functions with at least 12 check-ins in the year.", M.FunctionsInUse),
                ]),
                new("B2", "Participation", "群众参与",
                [
                    new("B2.1", "Check-ins", "到访签到", 12, "Check-ins in the year, linear up to the target of the center's level.", M.CheckIns),
                ]),
                new("B3", "Volunteer service", "志愿服务",
                [
                    new("B3.1", "Approved volunteer hours", "志愿服务时长", 12, "Approved volunteer hours in the year, linear up to the target of the center's level.", M.VolunteerHours),
                ]),
            ]),
            new("C", "Governance effectiveness", "治理效能",
            [
                new("C1", "Self-service availability", "自助服务可用", [
                    new("C1.1", "Kiosk uptime", "终端在线率", 8, "Kiosk uptime over the year: none at 90 %, linear to full marks at 99 %.", M.KioskUptime),
                ]),
                new("C2", "Closed loop", "量化闭环", [
                    new("C2.1", "Help requests closed on time", "诉求按时办结", 12, "Share closed on time (late and open-overdue count against): none at 50 %, linear to full marks at 95 %.", M.HelpRequestsOnTime),
                ]),
                new("C3", "Emergency readiness", "应急响应", [
                    new("C3.1", "Drill roll-call", "演练点名", 10, "Per drill, time to 90 % accounted: full marks at 15 min, none at 60 min; drills averaged; no drill scores 0.", M.DrillRollCall),
                ]),
            ]),
        ],
        new StarThresholds(FiveStars: 90, FourStars: 75, ThreeStars: 60, FiveStarsNeedFullCompliance: true),
        new Dictionary<CenterLevel, ActivityTargets>
        {
            [CenterLevel.District] = new(20_000, 4_000),
            [CenterLevel.Town] = new(12_000, 2_500),
            [CenterLevel.Street] = new(12_000, 2_500),
            [CenterLevel.ManagementCommittee] = new(6_000, 1_000),
            [CenterLevel.Community] = new(8_000, 1_500),
            [CenterLevel.Village] = new(4_000, 800),
            [CenterLevel.SectorSite] = new(3_000, 500),
            [CenterLevel.RedSailStation] = new(1_500, 300),
        },
        ActiveFunctionMinCheckIns: 12,
        FirstDemonstrationYear: 2026,
        DemonstrationEveryYears: 2);

    /// <summary>
    /// Version 2026.2: as 2026.1, but a drill counts only when it reached at least 10 people (smaller drills are listed
    /// and left out of C3.1). Declared after 2026.1, which it is made from: statics initialize in order.
    /// </summary>
    public static StarRatingModel V2026_2 { get; } = V2026_1 with { Version = "2026.2", DrillMinimumPeople = 10 };
}
